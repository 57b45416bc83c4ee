using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Intents;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.Search.Analyzers;
using Asystent.KnowledgeBase.Storage;
using Asystent.KnowledgeBase.Understanding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Asystent.KnowledgeBase;

public static class KnowledgeBaseModule
{
    /// <summary>
    /// Registers the knowledge base: options with paths resolved against the assistant's root folder,
    /// the Hunspell dictionaries (loaded once, lazily), the card index, search, the appointment book and the database.
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration, string root)
    {
        var options = KnowledgeBaseOptions.FromConfiguration(configuration, root);
        services.AddSingleton(options);
        services.AddSingleton(_ => new Lazy<HunspellDictionaries>(() => HunspellDictionaries.Load(options.DictionariesPath)));
        services.AddSingleton<CardSearchService>();
        services.AddSingleton<ServiceCards.Import.ServiceCardImporter>();
        services.AddSingleton<IndexMaintenance>();
        services.AddSingleton<IntentClassifier>();
        services.AddSingleton<MessageInterpreter>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<AppointmentBook>();
        services.AddScoped<Cases.CaseRegistry>();
        services.AddScoped<Staff.StaffAccounts>();
        // Bound from the configuration given, not from the container: the Indexer registers no IConfiguration.
        services.AddOptions<Cases.FailureLimitOptions>().Bind(configuration.GetSection(Cases.FailureLimitOptions.SectionName));
        services.AddSingleton<Cases.FailedAttempts>();
        services.AddOptions<Privacy.RetentionOptions>().Bind(configuration.GetSection(Privacy.RetentionOptions.SectionName));
        services.AddScoped<Privacy.RetentionSweeper>();
        services.AddScoped<Privacy.PersonalDataRequests>();
        services.AddSingleton<ServiceCards.Editing.CardFolder>();
        services.AddSingleton<ServiceCards.Editing.CardIndexRebuilder>();
        services.AddScoped<ServiceCards.Editing.CardDrafts>();
        services.AddScoped<ServiceCards.Editing.CardPublisher>();
        services.AddSingleton<Gaps.OfficeEvaluationFile>();
        services.AddScoped<Gaps.GapList>();
        services.AddScoped<Gaps.GapActions>();

        // Database:Provider picks the engine; ConnectionStrings:Assistant says where it is, for either.
        var dialect = StorageDialect.For(StorageDialect.ParseProvider(configuration["Database:Provider"]));
        var connectionString = dialect.ResolveConnectionString(configuration.GetConnectionString("Assistant"), root);
        services.AddSingleton(dialect);
        services.AddDbContext<AssistantDbContext>(db => dialect.Configure(db, connectionString));
        return services;
    }
}
