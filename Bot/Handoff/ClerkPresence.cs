using System.Collections.Concurrent;
using Asystent.Bot.Staff;

namespace Asystent.Bot.Handoff;

/// <summary>The clerks who have the console open right now (one entry per live connection): who can take a conversation.</summary>
public sealed class ClerkPresence
{
    private readonly ConcurrentDictionary<string, StaffUser> connections = new(StringComparer.Ordinal);

    public void Connected(string connectionId, StaffUser user) => connections[connectionId] = user;

    public void Disconnected(string connectionId) => connections.TryRemove(connectionId, out _);

    /// <summary>How many different clerks serving <paramref name="unit"/> are online.</summary>
    public int Available(string unit) =>
        connections.Values.Where(u => u.MaySee(unit)).Select(u => u.UserName).Distinct(StringComparer.OrdinalIgnoreCase).Count();
}
