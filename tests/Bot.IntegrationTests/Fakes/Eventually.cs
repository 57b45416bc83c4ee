namespace Asystent.Bot.IntegrationTests.Fakes;

/// <summary>Waits for something a background worker delivers (an SMS, an e-mail, a message) to show up.</summary>
internal static class Eventually
{
    public static Task<T> ValueAsync<T>(Func<T?> probe, string failure, TimeSpan? timeout = null) where T : class =>
        ValueAsync(() => Task.FromResult(probe()), failure, timeout);

    /// <summary>As above, for a probe that must wait itself (a database query, an HTTP request).</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string failure, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(failure);
    }
}
