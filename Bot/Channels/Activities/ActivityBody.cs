using Asystent.Bot.Hosting;

namespace Asystent.Bot.Channels.Activities;

/// <summary>Reads the activity a client or channel posts, with the activity JSON settings the official clients expect.</summary>
public static class ActivityBody
{
    public static Task<(Activity? Activity, JsonBodyProblem Problem)> ReadAsync(HttpRequest request, int maxBytes) =>
        JsonBody.ReadAsync<Activity>(request, maxBytes, ActivityJson.Options);
}
