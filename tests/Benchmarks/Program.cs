using Asystent.Benchmarks;
using BenchmarkDotNet.Running;

// latency: per-question p50/p99 and 25k build time; startup: Bot process to ready; analytics: /admin's report over 1M messages;
// anything else goes to BenchmarkDotNet (e.g. --filter '*').
switch (args.FirstOrDefault())
{
    case "latency":
        LatencyRun.Run();
        break;
    case "understanding":
        UnderstandingRun.Run();
        break;
    case "load":
        await LoadRun.RunAsync([.. args.Skip(1).Select(int.Parse)]);
        break;
    case "turn-profile":
        TurnProfileRun.Run();
        break;
    case "profile":
        ProfileRun.Run();
        break;
    case "startup":
        await StartupRun.RunAsync();
        break;
    case "analytics":
        await AnalyticsRun.RunAsync();
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args);
        break;
}
