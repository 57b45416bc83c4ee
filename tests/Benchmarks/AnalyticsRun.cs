using System.Diagnostics;
using System.Globalization;
using Asystent.KnowledgeBase.Analytics;
using Asystent.KnowledgeBase.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Benchmarks;

/// <summary>
/// The analytics page with a million stored messages: generates 1,000,000 message events over 90 days
/// (five channels, four languages, 60 cards, 500 distinct unanswered questions) plus handoffs,
/// callbacks, bookings and ratings in a real SQLite file with the real migrations, then times the
/// whole report (every figure and table of /admin) for several periods and filters.
/// </summary>
internal static class AnalyticsRun
{
    private const int Messages = 1_000_000;
    private const int Repeats = 7;

    private static readonly string[] Columns = ["$k", "$at", "$day", "$ch", "$lang", "$conv", "$card", "$out", "$val", "$text"];

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("asystent-analytics-").FullName;
        var connection = $"Data Source={Path.Combine(folder, "assistant.db")}";
        try
        {
            var options = new DbContextOptionsBuilder<AssistantDbContext>().UseSqlite(connection).Options;
            await using (var db = new AssistantDbContext(options))
            {
                await AssistantDatabase.MigrateAsync(db, CancellationToken.None);
            }

            var generating = Stopwatch.StartNew();
            var (rows, last) = Generate(connection);
            Console.WriteLine($"generated {rows:N0} events ({Messages:N0} messages) in {generating.Elapsed.TotalSeconds:F1} s");

            foreach (var (name, filter) in new[]
            {
                ("30 days, all", new AnalyticsFilter(last.AddDays(-29), last)),
                ("90 days, all", new AnalyticsFilter(last.AddDays(-89), last)),
                ("90 days, messenger", new AnalyticsFilter(last.AddDays(-89), last, Channel: "messenger")),
                ("30 days, uk", new AnalyticsFilter(last.AddDays(-29), last, Language: "uk")),
                ("1 day, all", new AnalyticsFilter(last, last)),
            })
            {
                var times = new List<double>();
                AnalyticsSummary? summary = null;
                for (var i = 0; i < Repeats; i++)
                {
                    await using var db = new AssistantDbContext(options);
                    var watch = Stopwatch.StartNew();
                    summary = await new AnalyticsReport(db).BuildAsync(filter, CancellationToken.None);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-20} messages {summary!.Totals.Messages,9:N0}  conversations {summary.Totals.Conversations,8:N0}  median {times[Repeats / 2],7:F0} ms  max {times[^1],7:F0} ms"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Rows, DateOnly Last) Generate(string connectionString)
    {
        string[] channels = ["directline", "directline", "directline", "messenger", "msteams"];
        string[] languages = ["pl", "pl", "pl", "pl", "uk", "en", "ru"];
        var random = new Random(20261123);
        var last = new DateOnly(2026, 11, 23);
        var rows = 0;
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO analytics_events (Kind, At, Day, Channel, Language, ConversationId, CardId, Outcome, Value, Text) VALUES ($k, $at, $day, $ch, $lang, $conv, $card, $out, $val, $text)";
        var parameters = Columns.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();

        void Add(string kind, DateOnly day, string channel, string language, string conversation, string? card = null, string? outcome = null, int? value = null, string? text = null)
        {
            object?[] values = [kind, day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), channel, language, conversation, card, outcome, value, text];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
            rows++;
        }

        var conversation = 0;
        for (var messages = 0; messages < Messages;)
        {
            var id = $"c{conversation++:D7}";
            var day = last.AddDays(-random.Next(90));
            var channel = channels[random.Next(channels.Length)];
            var language = languages[random.Next(languages.Length)];
            var length = 1 + random.Next(6);
            Add(AnalyticsKinds.Conversation, day, channel, language, id);
            for (var m = 0; m < length && messages < Messages; m++, messages++)
            {
                var roll = random.Next(10);
                if (roll < 6)
                {
                    Add(AnalyticsKinds.Message, day, channel, language, id, $"card-{random.Next(60):D2}", MessageOutcomes.Answered);
                }
                else if (roll < 8)
                {
                    Add(AnalyticsKinds.Message, day, channel, language, id, outcome: MessageOutcomes.Other);
                }
                else
                {
                    Add(AnalyticsKinds.Message, day, channel, language, id, outcome: MessageOutcomes.Gap, text: $"pytanie bez odpowiedzi {random.Next(500)}");
                }
            }

            switch (random.Next(20))
            {
                case 0:
                    Add(AnalyticsKinds.Handoff, day, channel, language, id);
                    break;
                case 1:
                    Add(AnalyticsKinds.Callback, day, channel, language, id);
                    break;
                case 2:
                    Add(AnalyticsKinds.Booking, day, "chat", language, id, "kt-rejestracja");
                    break;
                case 3:
                    var rating = 1 + random.Next(5);
                    Add(AnalyticsKinds.Rating, day, channel, language, id, value: rating);
                    Add(AnalyticsKinds.Comment, day, channel, language, id, value: rating, text: "komentarz");
                    break;
            }
        }

        transaction.Commit();
        return (rows, last);
    }
}
