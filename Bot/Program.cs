using Asystent.Bot.Cards;
using Asystent.Bot.Channels;
using Asystent.Bot.Hosting;
using Asystent.Bot.Search;
using Asystent.Bot.Understanding;
using Asystent.KnowledgeBase;

var root = AssistantRoot.Locate();
var builder = WebApplication.CreateBuilder(args);
builder.AddAssistantConfiguration(root, args);
builder.Services.AddKnowledgeBase(builder.Configuration, root);
builder.Services.AddAssistantHosting();
builder.Services.AddSearchApi();
builder.Services.AddChannels();

var app = builder.Build();
app.UseAssistantHosting();
app.MapHealth();
app.MapSearchApi();
app.MapCardsApi();
app.MapIntentApi();
app.MapChannels();
app.Run();

/// <summary>Declared so WebApplicationFactory&lt;Program&gt; in the integration tests can reach the entry point.</summary>
public partial class Program;
