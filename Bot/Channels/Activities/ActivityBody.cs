using System.Text.Json;

namespace Asystent.Bot.Channels.Activities;

/// <summary>Why a posted activity could not be read.</summary>
public enum ActivityBodyProblem
{
    None,
    TooLarge,
    Malformed,
}

/// <summary>Reads the activity a client or channel posts, refusing bodies over the limit before and while reading them.</summary>
public static class ActivityBody
{
    public static async Task<(Activity? Activity, ActivityBodyProblem Problem)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, ActivityBodyProblem.TooLarge);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        if (body.Length > maxBytes)
        {
            return (null, ActivityBodyProblem.TooLarge);
        }

        try
        {
            return (JsonSerializer.Deserialize<Activity>(body.GetBuffer().AsSpan(0, (int)body.Length), ActivityJson.Options), ActivityBodyProblem.None);
        }
        catch (JsonException)
        {
            return (null, ActivityBodyProblem.Malformed);
        }
    }
}
