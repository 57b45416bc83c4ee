using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Asystent.Tests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests that run against PostgreSQL: Debian's server binaries
/// (initdb, pg_ctl) make a cluster in a temporary folder, listening on its own free port on 127.0.0.1
/// only, started once per test process on first use and stopped (folder deleted) when the process
/// ends. No system service is involved. Each test takes a database of its own.
/// Whether these tests run: ASSISTANT_TEST_POSTGRESQL=required (./test.sh) makes a missing server a
/// failure; otherwise they are skipped, saying so, where the binaries are not installed.
/// </summary>
public static class PostgreSqlServer
{
    private const string SwitchVariable = "ASSISTANT_TEST_POSTGRESQL";

    private static readonly Lazy<Task<Cluster>> Started = new(StartAsync);

    /// <summary>The folder of initdb and pg_ctl: PG_BIN when set, else Debian's newest installed version.</summary>
    private static string? BinFolder =>
        Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin ? bin
        : Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var version) ? version : 0).FirstOrDefault()
            : null;

    /// <summary>Skips the calling test when PostgreSQL is neither installed nor required.</summary>
    public static void SkipUnlessAvailable()
    {
        var required = string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "required", StringComparison.OrdinalIgnoreCase);
        if (!required && BinFolder is null)
        {
            Assert.Skip($"PostgreSQL's server binaries are not installed (apt-get install postgresql); {SwitchVariable}=required makes this a failure.");
        }
    }

    /// <summary>A new, empty database on the cluster (started on first call); returns its connection string.</summary>
    public static async Task<string> NewDatabaseAsync(CancellationToken cancellationToken = default)
    {
        SkipUnlessAvailable();
        var cluster = await Started.Value;
        var name = "test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return cluster.ConnectionString(name);
    }

    private static async Task<Cluster> StartAsync()
    {
        var bin = BinFolder ?? throw new InvalidOperationException("PostgreSQL's server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql, or set PG_BIN.");
        var folder = Directory.CreateTempSubdirectory("asystent-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        // initdb refuses to run as root: as root (a container, CI) the cluster belongs to the postgres user.
        var asUser = Environment.UserName == "root" ? "postgres" : null;
        if (asUser is not null)
        {
            await RunAsync("chown", $"{asUser} {folder}", null);
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", asUser);
        // Durability is not what these tests measure: fsync off keeps the shared machine's disk quiet.
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(folder, "server.log")} -o \"{options}\" -w -t 60 start", asUser);
        var cluster = new Cluster(bin, folder, data, port, asUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string arguments, string? asUser)
    {
        var start = asUser is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo("runuser", $"-u {asUser} -- {program} {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {arguments} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private sealed record Cluster(string Bin, string Folder, string Data, int Port, string? AsUser)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size=60;Timeout=30;Command Timeout=60";

        public void Stop()
        {
            try
            {
                var arguments = $"-D {Data} -m immediate -w stop";
                using var process = Process.Start(AsUser is null
                    ? new ProcessStartInfo(Path.Combine(Bin, "pg_ctl"), arguments)
                    : new ProcessStartInfo("runuser", $"-u {AsUser} -- {Path.Combine(Bin, "pg_ctl")} {arguments}"));
                process?.WaitForExit(30_000);
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                // The temporary folder is left for the OS to clean.
            }
        }
    }
}
