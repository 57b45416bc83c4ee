using System.Text.Json;

namespace Asystent.Bot.Hosting;

/// <summary>Why a posted JSON body could not be read.</summary>
public enum JsonBodyProblem
{
    None,
    TooLarge,
    Malformed,
}

/// <summary>Reads a posted JSON body, refusing bodies over the limit before and while reading them.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, JsonBodyProblem Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, JsonSerializerOptions options)
    {
        if (request.ContentLength > maxBytes)
        {
            return (default, JsonBodyProblem.TooLarge);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        if (body.Length > maxBytes)
        {
            return (default, JsonBodyProblem.TooLarge);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body.GetBuffer().AsSpan(0, (int)body.Length), options);
            return value is null ? (default, JsonBodyProblem.Malformed) : (value, JsonBodyProblem.None);
        }
        catch (JsonException)
        {
            return (default, JsonBodyProblem.Malformed);
        }
    }
}
