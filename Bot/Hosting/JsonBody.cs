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

        // Read at most one byte past the limit: a body without a length (chunked) is refused as soon
        // as it is known to be too large, not after all of it has been buffered.
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBytes + 1L - body.Length)), request.HttpContext.RequestAborted)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > maxBytes)
            {
                return (default, JsonBodyProblem.TooLarge);
            }
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
