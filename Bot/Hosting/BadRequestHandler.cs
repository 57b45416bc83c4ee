using Microsoft.AspNetCore.Diagnostics;

namespace Asystent.Bot.Hosting;

/// <summary>
/// A request the framework could not read (a form without its antiforgery token, an unreadable body)
/// gets the 400 it deserves as problem+json, not a 500.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "Bad request",
                Detail = bad.InnerException is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
                    ? "The form has expired or did not come from this site. Reload the page and try again."
                    : "The request could not be read.",
            },
        });
    }
}
