using System.Net;
using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Asystent.Bot.IntegrationTests.AssistantFactory))]

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// The whole Bot in-process with a real index and a real SQLite file in a temporary folder. The
/// factory waits for /health to report ready, so tests see the assistant as a resident would.
/// </summary>
public sealed class AssistantFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public AssistantFactory()
    {
        DataFolder = Directory.CreateTempSubdirectory("asystent-bot-").FullName;
        // Configuration is read while Program registers services, so it is passed the way an operator
        // would pass it: environment variables overriding appsettings.json.
        Environment.SetEnvironmentVariable("KnowledgeBase__IndexPath", Path.Combine(DataFolder, "index"));
        Environment.SetEnvironmentVariable("KnowledgeBase__IndexPollSeconds", "1");
        Environment.SetEnvironmentVariable("KnowledgeBase__ModelPath", Path.Combine(DataFolder, "model"));
        Environment.SetEnvironmentVariable("DirectLine__Secret", DirectLineSecret);
        Environment.SetEnvironmentVariable("ConnectionStrings__Assistant", $"Data Source={Path.Combine(DataFolder, "assistant.db")}");
        foreach (var (name, value) in BotConnectorSettings(Cloud).Concat(NotificationSettings(Sms, Smtp)).Concat(StaffSettings()).Append(new("Cases__ImportApiKey", CasesImportKey)).Concat(MessengerSettings(Graph))
            .Append(new("Voice__AuthToken", VoiceAuthToken)).Append(new("Voice__PublicBaseUrl", VoicePublicBaseUrl))
            // Queues open whenever a clerk is online, so the handoff tests hold at any hour; the hours themselves have their own test.
            .Append(new("Handoff__LiveChatOutsideHours", "true"))
            // Every in-process request comes from one (absent) address, so the per-address limits would
            // let one test's wrong codes block the next; AddressLimitTests checks them on a Bot process over real sockets.
            .Append(new("FailureLimits__PerAddress", "100000")).Append(new("FailureLimits__SignInPerAddress", "100000"))
            .Append(new("FailureLimits__SignInPerAccount", "5")))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>The Bot Framework cloud this assistant is registered with: a local fake.</summary>
    public Fakes.FakeBotFrameworkCloud Cloud { get; } = new();

    /// <summary>Points the Bot Connector at <paramref name="cloud"/> with the fake app's credentials.</summary>
    public static Dictionary<string, string> BotConnectorSettings(Fakes.FakeBotFrameworkCloud cloud) => new()
    {
        ["BotConnector__MicrosoftAppId"] = Fakes.FakeBotFrameworkCloud.AppId,
        ["BotConnector__MicrosoftAppPassword"] = Fakes.FakeBotFrameworkCloud.AppPassword,
        ["BotConnector__OpenIdMetadataUrl"] = $"{cloud.Url}/v1/.well-known/openidconfiguration",
        ["BotConnector__TokenEndpoint"] = $"{cloud.Url}/token",
        ["BotConnector__RequireHttpsMetadata"] = "false",
    };

    /// <summary>The SMS gateway and the mail server confirmations go to: local fakes.</summary>
    public Fakes.FakeSmsGateway Sms { get; } = new();

    public Fakes.SmtpSink Smtp { get; } = new();

    public static Dictionary<string, string> NotificationSettings(Fakes.FakeSmsGateway sms, Fakes.SmtpSink smtp) => new()
    {
        ["Notifications__Sms__BaseUrl"] = sms.Url,
        ["Notifications__Sms__ApiKey"] = Fakes.FakeSmsGateway.ApiKey,
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__PollSeconds"] = "1",
        ["Notifications__RetrySeconds"] = "1",
    };

    /// <summary>Staff accounts created at start-up: a vehicle-unit clerk, an office-wide admin, one kept for the lockout test, and a card editor.</summary>
    public static Dictionary<string, string> StaffSettings() => new()
    {
        ["Staff__Accounts__0__UserName"] = "anna",
        ["Staff__Accounts__0__Password"] = StaffPassword,
        ["Staff__Accounts__0__Units__0"] = "KT",
        ["Staff__Accounts__1__UserName"] = "kierownik",
        ["Staff__Accounts__1__Password"] = StaffPassword,
        ["Staff__Accounts__1__Role"] = "admin",
        ["Staff__Accounts__2__UserName"] = "zablokowany",
        ["Staff__Accounts__2__Password"] = StaffPassword,
        ["Staff__Accounts__3__UserName"] = "redaktor",
        ["Staff__Accounts__3__Password"] = StaffPassword,
        ["Staff__Accounts__3__Role"] = "editor",
    };

    /// <summary>Facebook's Graph API the Messenger replies go to: a local fake.</summary>
    public Fakes.FakeGraphApi Graph { get; } = new();

    public const string MessengerVerifyToken = "messenger-verify-token";
    public const string MessengerAppSecret = "messenger-app-secret";

    public static Dictionary<string, string> MessengerSettings(Fakes.FakeGraphApi graph) => new()
    {
        ["Messenger__VerifyToken"] = MessengerVerifyToken,
        ["Messenger__AppSecret"] = MessengerAppSecret,
        ["Messenger__PageAccessToken"] = Fakes.FakeGraphApi.PageToken,
        ["Messenger__GraphApiBaseUrl"] = graph.Url,
    };

    /// <summary>The phone provider's auth token, and the public address it calls (which its signatures cover).</summary>
    public const string VoiceAuthToken = "voice-auth-token";
    public const string VoicePublicBaseUrl = "https://asystent.test";

    /// <summary>The key the office's systems send with case imports.</summary>
    public const string CasesImportKey = "cases-import-key-for-tests";

    public const string StaffPassword = "correct-horse-battery-2026";

    public const string DirectLineSecret = "test-directline-secret-0123456789";

    public string DataFolder { get; }

    /// <summary>
    /// A conversation's stored transcript (each entry's JSON, in order) once it holds at least
    /// <paramref name="minimum"/> entries, or whatever it holds after 20 s: the writer stores in the background.
    /// </summary>
    public async Task<List<string>> StoredTranscriptAsync(string conversationId, int minimum)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            List<string> stored;
            await using (var scope = Services.CreateAsyncScope())
            {
                stored = await scope.ServiceProvider.GetRequiredService<AssistantDbContext>().ConversationActivities.AsNoTracking()
                    .Where(a => a.ConversationId == conversationId).OrderBy(a => a.Sequence).Select(a => a.Json).ToListAsync(TestContext.Current.CancellationToken);
            }

            if (stored.Count >= minimum || DateTime.UtcNow > deadline)
            {
                return stored;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask InitializeAsync()
    {
        using var client = CreateClient();
        // Generous: the fixture builds its index first, which took over two minutes on a busy machine.
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The assistant did not become ready within 6 minutes (building the index on a busy machine).");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Cloud.DisposeAsync();
        await Sms.DisposeAsync();
        await Graph.DisposeAsync();
        await Smtp.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans its temp folder.
        }
    }
}
