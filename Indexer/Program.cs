using Asystent.Indexer;

return await IndexerApp.RunAsync(args);
