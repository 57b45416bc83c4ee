using System.Text;
using System.Text.Json;

namespace Asystent.KnowledgeBase.Cases;

/// <summary>One record of an import as written (all text), with the line it starts on.</summary>
public sealed record CaseImportRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>A record that was not imported, and why, by the line it starts on.</summary>
public sealed record ImportRejection(int Line, string Reason);

/// <summary>
/// Reads an import file: a JSON array of objects, or CSV with a header row (comma or semicolon, as
/// spreadsheets in Poland save it; quoted fields may hold separators, quotes and line breaks).
/// </summary>
public static class CaseImportReader
{
    public static (List<CaseImportRow> Rows, List<ImportRejection> Rejected) Read(byte[] content, bool csv) =>
        csv ? ReadCsv(Encoding.UTF8.GetString(content).TrimStart('\uFEFF')) : ReadJson(content);

    /// <summary>Whether a file or body is CSV rather than JSON, by its content type or its first character.</summary>
    public static bool LooksLikeCsv(string? contentType, byte[] content) =>
        contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true
        || (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true && Encoding.UTF8.GetString(content).TrimStart('\uFEFF', ' ', '\r', '\n', '\t') is { Length: > 0 } text && text[0] != '[' && text[0] != '{');

    public static (List<CaseImportRow>, List<ImportRejection>) ReadJson(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("The JSON must be an array of case records.");
        }

        var lines = ElementLines(utf8);
        var rows = new List<CaseImportRow>();
        var rejected = new List<ImportRejection>();
        var index = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var line = index < lines.Count ? lines[index] : 1;
            index++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                rejected.Add(new ImportRejection(line, "a record must be a JSON object"));
                continue;
            }

            rows.Add(new CaseImportRow(line, element.EnumerateObject().ToDictionary(
                p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase)));
        }

        return (rows, rejected);
    }

    public static (List<CaseImportRow>, List<ImportRejection>) ReadCsv(string text)
    {
        var records = CsvRecords(text).ToList();
        if (records.Count == 0)
        {
            throw new FormatException("The CSV is empty; it needs a header row with the column names.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = new List<CaseImportRow>();
        var rejected = new List<ImportRejection>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && string.IsNullOrWhiteSpace(fields[0]))
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                rejected.Add(new ImportRejection(line, $"{fields.Count} columns, but the header has {header.Count}"));
                continue;
            }

            rows.Add(new CaseImportRow(line, header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.OrdinalIgnoreCase)));
        }

        return (rows, rejected);
    }

    /// <summary>The line on which each element of the top-level array starts.</summary>
    private static List<int> ElementLines(byte[] utf8)
    {
        var starts = new List<int>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject or JsonTokenType.PropertyName))
            {
                starts.Add(1 + utf8.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n'));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }

        return starts;
    }

    private static IEnumerable<(int Line, List<string> Fields)> CsvRecords(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\n')
                {
                    line++;
                    i++;
                    break;
                }
                else if (c != '\r')
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
