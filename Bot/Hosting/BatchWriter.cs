using System.Data.Common;
using System.Threading.Channels;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.Bot.Hosting;

/// <summary>
/// Stores what requests and turns only enqueue (search records, analytics events): in batches, in
/// the background, so a slow disk never slows anyone; a batch that cannot be stored is logged and
/// skipped rather than retried for ever. Each batch is one transaction of one prepared insert on the
/// context's connection: EF Core's change tracking of every record cost more under load than the
/// turns that produced them. The tables (and the analytics trigger) come from the migrations. The
/// writing happens on the <see cref="StorageThread"/>.
/// </summary>
internal abstract class BatchWriter<T>(ChannelReader<T> reader, IServiceScopeFactory scopes, StorageThread storage, ILogger logger, int batchSize) : BackgroundService
    where T : class
{
    // Under load one record per transaction would cost more than the records themselves: wait a
    // moment after the first for others to join its batch. Not cancelled by shutdown, so a stopping
    // server still stores what it had.
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    protected abstract string Table { get; }

    /// <summary>The columns written, each with how a record gives its value.</summary>
    protected abstract IReadOnlyList<Column> Columns { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => storage.Run(() => WriteAllAsync(stoppingToken));

    private async Task WriteAllAsync(CancellationToken stoppingToken)
    {
        var batch = new List<T>();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(BatchWindow, CancellationToken.None);
            while (batch.Count < batchSize && reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not store {Count} {Kind} records; they are skipped", batch.Count, typeof(T).Name);
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(List<T> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AssistantDbContext>().Database;
        var dialect = StorageDialect.Of(database);
        var connection = database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Table} ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c.Name))})";
        foreach (var column in Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column.Name;
            command.Parameters.Add(parameter);
        }

        dialect.Prepare(command);
        foreach (var record in batch)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                dialect.SetValue(command.Parameters[i], Columns[i].Value(record));
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    protected sealed record Column(string Name, Func<T, object?> Value);
}
