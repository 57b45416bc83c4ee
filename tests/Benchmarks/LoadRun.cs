using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Asystent.Benchmarks;

/// <summary>
/// A load run against the real Bot process: 200 concurrent Direct Line conversations, each posting
/// resident questions over HTTP and waiting for the reply on its WebSocket stream; then the same
/// concurrency against GET /health as the trivial-endpoint yardstick. Bounded in time, loopback only.
/// </summary>
internal static class LoadRun
{
    private const int Conversations = 200;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PacedWarmUp = TimeSpan.FromSeconds(8);
    private static readonly int[] PacedRates = [1000, 1500];
    private const string Secret = "load-run-directline-secret-0123456789";

    /// <summary>The whole run; with <paramref name="rates"/> given, only the warm-up and those paced phases (for comparing settings quickly).</summary>
    public static async Task RunAsync(int[] rates)
    {
        var full = rates.Length == 0;
        var data = BenchmarkData.Instance;
        await using var bot = await BotProcess.StartAsync(data.Root, Secret);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(bot.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        var questions = data.Queries.Select(q => q.Query).ToArray();

        // Open every conversation and its stream first, so the measured part is turns only.
        var chats = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(_ => OpenAsync(http, bot.Url)));

        // 0. Warm-up, not reported: a fresh process runs unoptimised (tier-0) code at first, and the
        // JIT recompiles the hot paths while the first turns arrive. The runtime starts counting calls
        // for that only after ~100 ms without new unoptimised code, which back-to-back turns never
        // leave: without a paced stretch here, several hundred methods were recompiled during the
        // first measured seconds instead (seen with dotnet-trace).
        await TurnsAsync(http, chats, questions, WarmUp);
        await PacedTurnsAsync(http, chats, questions, PacedRates[0], PacedWarmUp);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Console.WriteLine($"Warmed up; Bot process {bot.Id}");

        // 1. Latency at a fixed offered rate (open loop): each conversation asks on a schedule, and a
        // turn's latency counts from when it was due, so a slow server cannot hide its queue.
        foreach (var rate in full ? PacedRates : rates)
        {
            await MeasureAsync($"Direct Line at {rate} turns/s offered ({Conversations} conversations, paced)", bot, () => PacedTurnsAsync(http, chats, questions, rate, Duration));
        }

        if (!full)
        {
            Console.WriteLine($"Bot process at the end: {bot.WorkingSetMegabytes} MB working set");
            return;
        }

        // 2. Capacity: every conversation posts its next question as soon as the last was answered.
        await MeasureAsync($"Direct Line capacity ({Conversations} conversations, back to back)", bot, () => TurnsAsync(http, chats, questions, Duration));

        foreach (var chat in chats)
        {
            await chat.DisposeAsync();
        }

        // 3. The yardstick: the same concurrency against a trivial endpoint on the same server, same run.
        var health = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < Duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                health.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        Report($"GET /health ({Conversations} concurrent clients)", health, watch.Elapsed.TotalSeconds, "requests/s");
    }

    /// <summary>Runs turns for a while, each conversation asking again as soon as it is answered.</summary>
    private static async Task<(ConcurrentBag<double> Latencies, double Seconds, int Failures)> TurnsAsync(HttpClient http, Chat[] chats, string[] questions, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(chats.Select((chat, index) => Task.Run(async () =>
        {
            var turn = index;
            while (watch.Elapsed < duration)
            {
                var text = questions[turn++ % questions.Length];
                var started = Stopwatch.GetTimestamp();
                if (await TurnAsync(http, chat, text))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return (latencies, watch.Elapsed.TotalSeconds, failures);
    }

    /// <summary>
    /// Offers <paramref name="rate"/> turns per second in all: conversation i asks at i·step, then every
    /// 200/rate seconds. A turn that is due while the previous one is still waiting starts late, and
    /// the lateness is part of its latency (no coordinated omission).
    /// </summary>
    private static async Task<(ConcurrentBag<double> Latencies, double Seconds, int Failures)> PacedTurnsAsync(HttpClient http, Chat[] chats, string[] questions, int rate, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var interval = TimeSpan.FromSeconds((double)chats.Length / rate);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(chats.Select((chat, index) => Task.Run(async () =>
        {
            var due = interval * index / chats.Length;
            var turn = index;
            while (due < duration)
            {
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var text = questions[turn++ % questions.Length];
                if (await TurnAsync(http, chat, text))
                {
                    latencies.Add((Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }

                due += interval;
            }
        })));
        return (latencies, Stopwatch.GetElapsedTime(start).TotalSeconds, failures);
    }

    /// <summary>Runs one phase and reports its turns, latency and the CPU both processes spent per turn; then lets the server settle.</summary>
    private static async Task MeasureAsync(string title, BotProcess bot, Func<Task<(ConcurrentBag<double> Latencies, double Seconds, int Failures)>> phase)
    {
        var (serverBefore, clientBefore) = (bot.ProcessorTime, Environment.CpuUsage.TotalTime);
        var (latencies, seconds, failures) = await phase();
        var turns = Math.Max(1, latencies.Count);
        Report(title, latencies, seconds, "turns/s");
        Console.WriteLine($"  failed turns: {failures}; CPU per turn: server {(bot.ProcessorTime - serverBefore).TotalMilliseconds / turns:F2} ms, load client {(Environment.CpuUsage.TotalTime - clientBefore).TotalMilliseconds / turns:F2} ms");
        // The transcript writer catches up before the next phase starts.
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    /// <summary>One turn: post the question, wait for the reply on the stream. False when it failed or took over 10 s.</summary>
    private static async Task<bool> TurnAsync(HttpClient http, Chat chat, string text)
    {
        try
        {
            var reply = chat.NextReply();
            // A body with its length, as Web Chat sends it (PostAsJsonAsync would stream it chunked).
            using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { type = "message", from = new { id = "load" }, text }));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var posted = await http.PostAsync($"/v3/directline/conversations/{chat.Id}/activities", body);
            posted.EnsureSuccessStatusCode();
            await reply.WaitAsync(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException)
        {
            return false;
        }
    }

    private static void Report(string title, IEnumerable<double> samples, double seconds, string unit)
    {
        var sorted = samples.Order().ToList();
        if (sorted.Count == 0)
        {
            Console.WriteLine($"{title}: no samples");
            return;
        }

        double P(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine($"{title}: {sorted.Count / seconds:F0} {unit}; latency p50 {P(0.50):F1} ms, p90 {P(0.90):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms ({sorted.Count} samples)");
    }

    private static async Task<Chat> OpenAsync(HttpClient http, string url)
    {
        using var started = await http.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = "load" }, locale = "pl-PL" });
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(body.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        var chat = new Chat(body.GetProperty("conversationId").GetString()!, socket);
        chat.StartReading();
        return chat;
    }

    /// <summary>One conversation's stream: completes the pending wait whenever a bot reply arrives.</summary>
    private sealed class Chat(string id, ClientWebSocket socket) : IAsyncDisposable
    {
        private TaskCompletionSource pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task? reading;

        public string Id { get; } = id;

        public Task NextReply()
        {
            pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return pending.Task;
        }

        public void StartReading() => reading = Task.Run(async () =>
        {
            // The client shares the machine with the server: it only looks for a reply's marker in
            // the frame's bytes instead of parsing every frame (with its Adaptive Card) as JSON.
            var buffer = new byte[256 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var length = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                        length += result.Count;
                    }
                    while (!result.EndOfMessage && length < buffer.Length);

                    if (buffer.AsSpan(0, length).IndexOf("\"replyToId\""u8) >= 0)
                    {
                        pending.TrySetResult();
                    }
                }
            }
            catch (WebSocketException)
            {
                // The run is over or the server went away.
            }
        });

        public async ValueTask DisposeAsync()
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }

            if (reading is not null)
            {
                await Task.WhenAny(reading, Task.Delay(1000));
            }

            socket.Dispose();
        }
    }
}
