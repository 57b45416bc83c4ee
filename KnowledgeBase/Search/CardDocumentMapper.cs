using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.ServiceCards;
using Lucene.Net.Documents;

namespace Asystent.KnowledgeBase.Search;

/// <summary>Maps a card to its Lucene document: per-language fields and the folded all-language fields.</summary>
internal static class CardDocumentMapper
{
    public static Document ToDocument(ServiceCard card, OfficeDirectory office)
    {
        var document = new Document
        {
            new StringField(SearchFields.Id, card.Id, Field.Store.YES),
            new StringField(SearchFields.Kind, card.Kind.ToString().ToLowerInvariant(), Field.Store.NO),
            new StringField(SearchFields.Unit, card.Unit, Field.Store.NO),
        };

        var head = new List<string>();
        var text = new List<string>();
        foreach (var language in Languages.Languages.All)
        {
            var title = card.Title.In(language);
            var keywords = card.Keywords.In(language) is { } k ? string.Join(" ; ", k) : null;
            var summary = card.Summary.In(language);
            var body = Body(card, office, language);
            Add(document, SearchFields.Title(language), title);
            Add(document, SearchFields.Keywords(language), keywords);
            Add(document, SearchFields.Summary(language), summary);
            Add(document, SearchFields.Body(language), body);
            head.Add(title ?? "");
            head.Add(keywords ?? "");
            text.Add(summary ?? "");
            text.Add(body);
        }

        Add(document, SearchFields.LightHead, string.Join(" ; ", head.Where(s => s.Length > 0)));
        Add(document, SearchFields.LightText, string.Join(" ; ", text.Where(s => s.Length > 0)));
        return document;
    }

    /// <summary>Everything else a resident might search by: steps, documents, fees, where to go instead.</summary>
    internal static string Body(ServiceCard card, OfficeDirectory office, Language language)
    {
        var parts = new List<string?>();
        parts.AddRange(card.Steps.In(language) ?? []);
        parts.AddRange(card.Documents.In(language) ?? []);
        parts.AddRange(card.Fees.Select(f => f.For.In(language)));
        parts.Add(card.Online?.Text.In(language));
        parts.Add(card.Redirect?.Office.In(language));
        parts.Add(card.Redirect?.Why.In(language));
        parts.Add(office.FindUnit(card.Unit)?.Name.In(language));
        return string.Join(" ; ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private static void Add(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            document.Add(new TextField(field, value, Field.Store.NO));
        }
    }
}
