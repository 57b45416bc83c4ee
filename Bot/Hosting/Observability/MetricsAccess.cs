using System.Net;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Asystent.Bot.Hosting.Observability;

/// <summary>
/// Decides who may read /metrics: this machine, or the addresses and networks configured in
/// <see cref="ObservabilityOptions.MetricsAllowedFrom"/>. The decision uses the connection's own
/// address: the app trusts no forwarded header, so a caller cannot claim to be local. Everyone else
/// gets a polite 403 problem.
/// </summary>
public sealed class MetricsAccess(IOptions<ObservabilityOptions> options)
{
    private static readonly IPNetwork[] ThisMachine = [new(IPAddress.Loopback, 8), new(IPAddress.IPv6Loopback, 128)];

    private readonly IReadOnlyList<IPNetwork> allowed = Networks(options.Value.MetricsAllowedFrom);

    /// <summary>The networks the configured entries name; none configured means this machine only.</summary>
    public static IReadOnlyList<IPNetwork> Networks(IReadOnlyCollection<string> entries) =>
        entries.Count == 0 ? ThisMachine : entries.Select(e => TryParse(e, out var network) ? network : throw new FormatException($"not an address or network: {e}")).ToList();

    /// <summary>An address ("10.1.2.3", "::1") or a network in CIDR notation ("10.0.0.0/8").</summary>
    public static bool TryParse(string entry, out IPNetwork network)
    {
        if (IPAddress.TryParse(entry, out var address) && !entry.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(entry, out network);
    }

    public static bool IsAllowed(IPAddress? remote, IReadOnlyList<IPNetwork> allowed)
    {
        if (remote is null)
        {
            return false;
        }

        // A dual-stack socket reports IPv4 callers as ::ffff:a.b.c.d.
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        foreach (var network in allowed)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs before the Prometheus exporter: refuses callers the configuration does not allow.</summary>
    public async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        if (IsAllowed(context.Connection.RemoteIpAddress, allowed))
        {
            await next(context);
            return;
        }

        await TypedResults.Problem(
            title: "Forbidden",
            detail: "Metrics are served only to the monitoring addresses this server is configured for.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }
}
