using System.Text.RegularExpressions;
using Asystent.KnowledgeBase.Privacy;
using Asystent.KnowledgeBase.ServiceCards;

namespace Asystent.KnowledgeBase.Tests.Privacy;

/// <summary>
/// The masker against two corpora kept as data files beside this test: personal data as residents
/// write it (every ⟦marked⟧ part must become a mask, and nothing else may change) and ordinary
/// questions with dates, times, fees, rooms, forms and the office's own numbers (nothing may change).
/// </summary>
public sealed class MaskingCorpusTests
{
    private static readonly string Folder = Path.Combine(AssistantRoot.Locate(), "tests", "KnowledgeBase.Tests", "Privacy");

    private static readonly string AnyMask = string.Join('|', new[]
    {
        PersonalDataMasker.EmailMask, PersonalDataMasker.CaseNumberMask, PersonalDataMasker.PeselMask, PersonalDataMasker.PhoneMask,
        PersonalDataMasker.NumberMask, PersonalDataMasker.DocumentMask, PersonalDataMasker.CodeMask,
    }.Select(Regex.Escape));

    private static readonly Lazy<PublicContacts> Office = new(() =>
        PublicContacts.Of(CardLoader.Load(Path.Combine(AssistantRoot.Locate(), "content", "cards")).Catalogue.Office));

    private static List<string> Lines(string file) =>
        File.ReadAllLines(Path.Combine(Folder, file)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    [Fact]
    public void Personal_data_corpus_has_at_least_200_variants_and_every_one_is_masked()
    {
        var lines = Lines("personal-data-corpus.txt");
        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        var missed = lines.Where(line => !Expected(line).IsMatch(PersonalDataMasker.Mask(line.Replace("⟦", "").Replace("⟧", ""), Office.Value)))
            .Select(line => $"{line}  ->  {PersonalDataMasker.Mask(line.Replace("⟦", "").Replace("⟧", ""), Office.Value)}").ToList();
        Assert.True(missed.Count == 0, $"{missed.Count} of {lines.Count} not masked as marked:\n{string.Join('\n', missed)}");
    }

    [Fact]
    public void Ordinary_corpus_has_at_least_200_sentences_and_none_is_masked()
    {
        var lines = Lines("ordinary-corpus.txt");
        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        var changed = lines.Select(line => (line, masked: PersonalDataMasker.Mask(line, Office.Value))).Where(p => p.masked != p.line)
            .Select(p => $"{p.line}  ->  {p.masked}").ToList();
        Assert.True(changed.Count == 0, $"{changed.Count} of {lines.Count} changed:\n{string.Join('\n', changed)}");
    }

    [Fact]
    public void Office_numbers_are_masked_when_no_public_contacts_are_given() =>
        Assert.Equal("dzwoniłem na [telefon]", PersonalDataMasker.Mask("dzwoniłem na +48 33 800 10 40"));

    // The line with each ⟦marked⟧ part replaced by "some mask", everything else literal.
    private static Regex Expected(string line) =>
        new("^" + string.Concat(Regex.Split(line, "(⟦[^⟧]*⟧)").Select(part => part.StartsWith('⟦') ? $"(?:{AnyMask})" : Regex.Escape(part))) + "$");
}
