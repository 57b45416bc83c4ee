using Asystent.Bot.Notifications;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The outbox worker on a clock the test turns: reminders wait for 10:00 the day before, expire after
/// the visit has begun, hopeless messages fail without endless retries. Its own database (so the
/// turned clock touches no other test's messages), the real SMS client, the fake gateway.
/// </summary>
public sealed class OutboxWorkerTests(AssistantFactory factory) : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly string folder = Directory.CreateTempSubdirectory("asystent-outbox-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddDbContext<AssistantDbContext>(db => db.UseSqlite($"Data Source={Path.Combine(folder, "outbox.db")}"));
        collection.AddSingleton(factory.Services.GetRequiredService<CardSearchService>());
        collection.AddSingleton(factory.Services.GetRequiredService<KnowledgeBaseOptions>());
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<OutboxSignal>();
        collection.AddScoped<AppointmentBook>();
        collection.AddSingleton(Options.Create(new NotificationOptions
        {
            Sms = new SmsGatewayOptions { BaseUrl = factory.Sms.Url, ApiKey = Fakes.FakeSmsGateway.ApiKey },
            RetrySeconds = 1,
        }));
        collection.AddSingleton(new HttpClient());
        collection.AddSingleton<SmsGatewayClient>();
        collection.AddSingleton<SmtpMailer>();
        services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await AssistantDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<AssistantDbContext>(), Token);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private OutboxWorker Worker() => new(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<OutboxSignal>(),
        services.GetRequiredService<SmsGatewayClient>(), services.GetRequiredService<SmtpMailer>(),
        services.GetRequiredService<IOptions<NotificationOptions>>(), clock, new Hosting.Readiness(), NullLogger<OutboxWorker>.Instance);

    private async Task<T> WithDbAsync<T>(Func<AssistantDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AssistantDbContext>());
    }

    private async Task<OutboxMessageRecord> QueueAsync(string recipient, DateTimeOffset notBefore, DateTimeOffset? expires = null) =>
        await WithDbAsync(async db =>
        {
            var message = new OutboxMessageRecord
            {
                DedupKey = $"test:{Guid.NewGuid():N}", Channel = OutboxChannels.Sms, Recipient = recipient, Body = $"Test {Guid.NewGuid():N}",
                NotBefore = notBefore.UtcDateTime, NextAttemptAt = notBefore.UtcDateTime, ExpiresAt = expires?.UtcDateTime,
                Status = OutboxStatus.Pending, CreatedAt = clock.GetUtcNow(),
            };
            db.Outbox.Add(message);
            await db.SaveChangesAsync(Token);
            return message;
        });

    /// <summary>
    /// One pass of the worker, repeated (with the clock moved to the retry time) while a message waits
    /// after a 503: other tests make the shared fake gateway fail for a moment, as a real outage would.
    /// </summary>
    private async Task SendDueAsync(OutboxWorker worker)
    {
        for (var i = 0; i < 6; i++)
        {
            await worker.SendDueAsync(Token);
            var retry = await WithDbAsync(db => db.Outbox
                .Where(m => m.Status == OutboxStatus.Pending && m.LastError != null && m.LastError.Contains("503"))
                .Select(m => (DateTime?)m.NextAttemptAt).MaxAsync(Token));
            if (retry is null)
            {
                return;
            }

            clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(retry.Value, DateTimeKind.Utc)).AddMilliseconds(1));
        }
    }

    private Task<OutboxMessageRecord> ReloadAsync(long id) => WithDbAsync(db => db.Outbox.SingleAsync(m => m.Id == id, Token));

    [Fact]
    public async Task A_booked_visit_is_confirmed_at_once_and_reminded_at_ten_the_day_before()
    {
        // Booked on Monday 23 November for Thursday 26 November, 11:00, in Russian.
        var start = new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.FromHours(1));
        var visit = (await WithDbAsync(db => new AppointmentBook(db, factory.Services.GetRequiredService<CardSearchService>(), factory.Services.GetRequiredService<KnowledgeBaseOptions>(), clock, new OutboxSignal())
            .BookAsync(new BookingRequest("kt-rejestracja", start, "Piotr Zieliński", "600 123 777", null, Language.Ru, "test"), Token))).Visit!;
        var worker = Worker();

        await SendDueAsync(worker);
        await factory.Sms.WaitForAsync(s => s.Message.Contains(visit.Code, StringComparison.Ordinal) && s.Message.Contains("визит", StringComparison.Ordinal));
        bool Reminded() => factory.Sms.Sent.Any(s => s.Message.Contains(visit.Code, StringComparison.Ordinal) && s.Message.Contains("напоминаем", StringComparison.Ordinal));

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 9, 59, 0, TimeSpan.FromHours(1)));
        await SendDueAsync(worker);
        Assert.False(Reminded());

        clock.Advance(TimeSpan.FromMinutes(1));
        await SendDueAsync(worker);
        Assert.True(Reminded());
        var reminder = factory.Sms.Sent.Single(s => s.Message.Contains(visit.Code, StringComparison.Ordinal) && s.Message.Contains("напоминаем", StringComparison.Ordinal));
        Assert.Contains("четверг, 26 ноября 2026 в 11:00", reminder.Message, StringComparison.Ordinal);
        Assert.Equal("48600123777", reminder.To);
    }

    [Fact]
    public async Task A_reminder_whose_visit_has_begun_expires_unsent()
    {
        var late = await QueueAsync("+48600123002", clock.GetUtcNow().AddHours(-2), clock.GetUtcNow().AddHours(-1));

        await SendDueAsync(Worker());

        Assert.Equal(OutboxStatus.Expired, (await ReloadAsync(late.Id)).Status);
        Assert.DoesNotContain(factory.Sms.Sent, s => s.Message == late.Body);
    }

    [Fact]
    public async Task A_number_the_gateway_refuses_fails_at_once_instead_of_retrying()
    {
        var refused = await QueueAsync(Fakes.FakeSmsGateway.RefusedNumber, clock.GetUtcNow().AddMinutes(-1));

        await SendDueAsync(Worker());

        var failed = await ReloadAsync(refused.Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("gateway error 13", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_the_gateway_cannot_take_now_is_retried_later_and_then_sent()
    {
        var message = await QueueAsync("+48600123003", clock.GetUtcNow().AddMinutes(-1));
        var worker = Worker();

        factory.Sms.FailNext(1);
        await worker.SendDueAsync(Token);
        var waiting = await ReloadAsync(message.Id);
        if (waiting.Status == OutboxStatus.Pending)
        {
            // Another test's request may have taken the 503; this one then went through at once.
            Assert.Equal(1, waiting.Attempts);
            Assert.Contains("503", waiting.LastError, StringComparison.Ordinal);
            Assert.True(waiting.NextAttemptAt > clock.GetUtcNow().UtcDateTime);
            clock.Advance(TimeSpan.FromSeconds(2));
            await worker.SendDueAsync(Token);
        }

        Assert.Equal(OutboxStatus.Sent, (await ReloadAsync(message.Id)).Status);
        Assert.Single(factory.Sms.Sent, s => s.Message == message.Body);
    }
}
