using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Asystent.Bot.Hosting;

/// <summary>The API's answer when an address or a code has had too many wrong attempts: 429 with Retry-After in seconds.</summary>
public static class TooManyAttempts
{
    public static ProblemHttpResult Problem(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many attempts",
            detail: $"Too many wrong numbers or codes. Please try again in {Math.Max(1, (seconds + 59) / 60)} minutes.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
