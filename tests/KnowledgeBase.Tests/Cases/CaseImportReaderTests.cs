using System.Text;
using Asystent.KnowledgeBase.Cases;

namespace Asystent.KnowledgeBase.Tests.Cases;

public sealed class CaseImportReaderTests
{
    [Fact]
    public void Csv_from_a_polish_spreadsheet_is_read_with_quoted_fields_and_the_line_each_record_starts_on()
    {
        var csv = "\uFEFFcaseNumber;unit;service;status;statusDate;filedDate;code;missing\r\n"
            + "KT.5410.1.2026;KT;prawo-jazdy-wydanie;received;2026-11-02;2026-11-02;7KQ2MX;\r\n"
            + "KT.5410.2.2026;KT;prawo-jazdy-wydanie;waiting_for_documents;2026-11-05;2026-11-02;8KQ2MX;\"zdjęcie; orzeczenie\nlekarskie\"\r\n"
            + "KT.5410.3.2026;KT;too few columns\r\n"
            + "KT.5410.4.2026;KT;prawo-jazdy-wydanie;received;2026-11-02;2026-11-02;9KQ2MX;\r\n";

        var (rows, rejected) = CaseImportReader.Read(Encoding.UTF8.GetBytes(csv), csv: true);

        Assert.Equal([2, 3, 6], rows.Select(r => r.Line));
        Assert.Equal("zdjęcie; orzeczenie\nlekarskie", rows[1]["missing"]);
        Assert.Equal("KT.5410.1.2026", rows[0]["CASENUMBER"]);
        Assert.Null(rows[0]["missing"]);
        var problem = Assert.Single(rejected);
        Assert.Equal(5, problem.Line);
        Assert.Contains("3 columns", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_records_are_reported_by_the_line_they_start_on()
    {
        var json = "[\n  { \"caseNumber\": \"KT.5410.1.2026\",\n    \"status\": \"received\" },\n  42,\n  {\n    \"caseNumber\": \"KT.5410.2.2026\", \"complex\": true }\n]";

        var (rows, rejected) = CaseImportReader.Read(Encoding.UTF8.GetBytes(json), csv: false);

        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal("true", rows[1]["complex"]);
        Assert.Equal(4, Assert.Single(rejected).Line);
    }

    [Theory]
    [InlineData("text/csv", "a,b", true)]
    [InlineData("application/json", "[]", false)]
    [InlineData(null, " [ {} ]", false)]
    [InlineData(null, "caseNumber,unit", true)]
    public void Csv_and_json_are_told_apart_by_content_type_or_content(string? contentType, string content, bool csv) =>
        Assert.Equal(csv, CaseImportReader.LooksLikeCsv(contentType, Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Json_that_is_not_an_array_is_refused_as_a_whole() =>
        Assert.Throws<FormatException>(() => CaseImportReader.Read(Encoding.UTF8.GetBytes("{\"caseNumber\": \"x\"}"), csv: false));
}
