using Asystent.Bot.Admin;
using Asystent.Bot.Analytics;
using Asystent.Bot.Appointments;
using Asystent.Bot.Cards;
using Asystent.Bot.Cases;
using Asystent.Bot.Channels;
using Asystent.Bot.Clerk;
using Asystent.Bot.Hosting;
using Asystent.Bot.Hosting.Observability;
using Asystent.Bot.Notifications;
using Asystent.Bot.Search;
using Asystent.Bot.Staff;
using Asystent.Bot.Understanding;
using Asystent.Bot.WebPage;
using Asystent.KnowledgeBase;

var root = AssistantRoot.Locate();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(root, "Bot", "wwwroot") });
builder.AddAssistantConfiguration(root, args);
builder.AddObservability();
builder.Services.AddKnowledgeBase(builder.Configuration, root);
builder.Services.AddAssistantHosting();
builder.Services.AddSearchApi();
builder.Services.AddChannels();
builder.Services.AddNotifications();
builder.Services.AddStaffPages();
builder.Services.AddClerkConsole();
builder.Services.AddAnalytics();
builder.Services.AddAdminPages();

var app = builder.Build();
app.UseAssistantHosting();
app.MapHealth();
app.MapObservability();
app.MapSearchApi();
app.MapCardsApi();
app.MapIntentApi();
app.MapAppointmentsApi();
app.MapCasesApi();
app.MapStaffPages();
app.MapClerkConsole(root);
app.MapAdminPages(root);
app.MapSearchPage();
app.MapChannels();
app.MapWebPage(root);
app.Run();

/// <summary>Declared so WebApplicationFactory&lt;Program&gt; in the integration tests can reach the entry point.</summary>
public partial class Program;
