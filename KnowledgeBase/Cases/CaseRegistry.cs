using System.Text.RegularExpressions;
using System.Globalization;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Entities;
using Asystent.KnowledgeBase.Languages;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Search;
using Asystent.KnowledgeBase.ServiceCards;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Cases;

/// <summary>
/// Cases as the office's systems report them: imports (idempotent, history only ever appended, bad
/// records reported by line and never half-applied, nothing deleted), the status check behind the
/// verification code, and "let me know when it is ready" with the notice sent once through the outbox.
/// </summary>
public sealed partial class CaseRegistry(AssistantDbContext db, CardSearchService search, KnowledgeBaseOptions options, TimeProvider clock, OutboxSignal outbox)
{
    public const int MaxMissingLength = 500;

    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    private CardCatalogue Catalogue => search.Catalogue;

    public async Task<ImportResult> ImportAsync(IReadOnlyList<CaseImportRow> rows, IReadOnlyList<ImportRejection> unreadable, string source, CancellationToken cancellationToken)
    {
        var rejected = unreadable.ToList();
        int created = 0, updated = 0, unchanged = 0, notices = 0;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (Validate(row) is { } problem)
            {
                rejected.Add(new ImportRejection(row.Line, problem));
                continue;
            }

            var record = Parse(row);
            var existing = await db.Cases.Include(c => c.History).FirstOrDefaultAsync(c => c.Number == record.Number, cancellationToken);
            if (existing is null)
            {
                if (row["code"] is null)
                {
                    rejected.Add(new ImportRejection(row.Line, "code: a new case needs the verification code from the applicant's receipt"));
                    continue;
                }

                var (hash, salt) = CaseCodes.Protect(row["code"]!);
                var added = new CaseRecord
                {
                    Number = record.Number, Unit = record.Unit, Service = record.Service, Status = record.Status, StatusDate = record.StatusDate,
                    FiledDate = record.FiledDate, Deadline = record.Deadline, Missing = record.Missing, CodeHash = hash, CodeSalt = salt,
                    KeypadHash = CaseCodes.ProtectKeypad(row["code"]!, salt), PhoneLastDigits = record.PhoneLastDigits, UpdatedAt = now,
                };
                added.History.Add(Event(record, now, source));
                db.Cases.Add(added);
                created++;
                continue;
            }

            var wasReady = existing.Status == CaseStatus.ReadyForPickup;
            if (Apply(existing, record, row["code"], now, source))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }

            if (!wasReady && existing.Status == CaseStatus.ReadyForPickup)
            {
                notices += await NotifyWatchersAsync(existing, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (notices > 0)
        {
            outbox.Pulse();
        }

        return new ImportResult(created, updated, unchanged, notices, rejected.OrderBy(r => r.Line).ToList());
    }

    /// <summary>The case, when the number exists and the code matches; null otherwise, after the same work either way.</summary>
    public async Task<CaseRecord?> VerifyAsync(string number, string code, CancellationToken cancellationToken)
    {
        var normalized = CaseNumberRecognizer.Find(number);
        var found = normalized is null ? null : await db.Cases.FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken);
        if (found is null)
        {
            CaseCodes.Waste(code);
            return null;
        }

        return CaseCodes.Matches(code, found.CodeHash, found.CodeSalt) ? found : null;
    }

    /// <summary>
    /// The case for a caller: the number as said ("KT 5410 123 2026") or as keyed (its digits, "5410*123*2026",
    /// when they name one case only), and the code as keyed (letters as their keys); null otherwise,
    /// after the same work either way.
    /// </summary>
    public async Task<CaseRecord?> VerifyByPhoneAsync(string number, string keys, CancellationToken cancellationToken)
    {
        var found = (CaseNumberRecognizer.Find(number) ?? FromSpeech(number)) is { } normalized
            ? await db.Cases.FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken)
            : await ByDigitsAsync(number, cancellationToken);
        var entered = Keypad.Entered(keys);
        if (found is null || entered.Length == 0)
        {
            CaseCodes.Waste(entered);
            return null;
        }

        return CaseCodes.MatchesKeypad(entered, found.CodeHash, found.CodeSalt, found.KeypadHash) ? found : null;
    }

    // Speech recognition writes "K T 5410 123 2026": the parts with spaces where the dots are.
    private static string? FromSpeech(string said) =>
        SpokenCaseNumber().Match(said.Trim()) is { Success: true } m
            ? CaseNumberRecognizer.Find($"{m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)}.{m.Groups[2].Value}.{m.Groups[3].Value}.{m.Groups[4].Value}")
            : null;

    [GeneratedRegex(@"^((?:[A-Za-z]\s*){1,5})[\s.]*(\d{3,4})[\s.]+(\d{1,6})[\s.]+(\d{4})\.?$")]
    private static partial Regex SpokenCaseNumber();

    // "5410*123*2026": class, running number and year; the unit symbol cannot be keyed, so the digits must name one case.
    private async Task<CaseRecord?> ByDigitsAsync(string keyed, CancellationToken cancellationToken)
    {
        var parts = keyed.Split(['*', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var jrwa, var running, var year] || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var suffix = $".{jrwa}.{running.TrimStart('0')}.{year}";
        var matches = await db.Cases.Where(c => c.Number.EndsWith(suffix)).Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>A case by number, for a conversation that has already verified its code.</summary>
    public Task<CaseRecord?> FindVerifiedAsync(string number, CancellationToken cancellationToken) =>
        db.Cases.FirstOrDefaultAsync(c => c.Number == number, cancellationToken);

    /// <summary>What the person is told about their case, in their language.</summary>
    public CaseStatusView Describe(CaseRecord found, Language language)
    {
        var unit = Catalogue.Office.FindUnit(found.Unit);
        var place = AppointmentNotices.Place(unit, Catalogue.Office, language);
        var ready = found.Status == CaseStatus.ReadyForPickup;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var hours = unit is null ? null : OpeningHours.On(unit.Hours, today);
        var detail = found.Status switch
        {
            CaseStatus.WaitingForDocuments => found.Missing,
            CaseStatus.ReadyForPickup => place,
            _ => unit?.Phone ?? Catalogue.Office.Phone,
        };
        return new CaseStatusView(
            found.Number, found.Status, CaseTexts.StatusText(found.Status, language), CaseTexts.NextStep(found.Status, language, detail),
            found.Deadline, CaseTexts.DeadlineText(found.Deadline, language), ready,
            ready ? new PickupView(place, hours is { } h ? $"{h.Opens:HH\\:mm}–{h.Closes:HH\\:mm}" : null) : null,
            found.Unit, found.Service);
    }

    /// <summary>Records the wish to be told when the case is ready (with the consent given); false when it is ready already.</summary>
    public async Task<bool> WatchAsync(CaseRecord found, ContactDetails contact, Language language, string via, CancellationToken cancellationToken)
    {
        if (found.Status == CaseStatus.ReadyForPickup)
        {
            return false;
        }

        var duplicate = await db.CaseWatches.AnyAsync(w => w.CaseId == found.Id && w.NotifiedAt == null && w.Phone == contact.Phone && w.Email == contact.Email, cancellationToken);
        if (!duplicate)
        {
            db.CaseWatches.Add(new CaseWatchRecord
            {
                CaseId = found.Id, Phone = contact.Phone, Email = contact.Email, Language = language.Code(), ConsentAt = clock.GetUtcNow(), ConsentVia = via,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private async Task<int> NotifyWatchersAsync(CaseRecord ready, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var watchers = await db.CaseWatches.Where(w => w.CaseId == ready.Id && w.NotifiedAt == null).ToListAsync(cancellationToken);
        var unit = Catalogue.Office.FindUnit(ready.Unit);
        foreach (var watch in watchers)
        {
            var language = Languages.Languages.TryParse(watch.Language, out var l) ? l : Language.Pl;
            var body = CaseTexts.ReadyNoticeText(Catalogue.Office.Name.Best(language), ready.Number, AppointmentNotices.Place(unit, Catalogue.Office, language), language);
            db.Outbox.Add(new OutboxMessageRecord
            {
                DedupKey = $"case:{ready.Number}:ready:{watch.Id}",
                Channel = watch.Email is null ? OutboxChannels.Sms : OutboxChannels.Email,
                Recipient = watch.Phone ?? watch.Email!,
                Subject = watch.Email is null ? null : CaseTexts.StatusText(CaseStatus.ReadyForPickup, language) + " " + ready.Number,
                Body = body,
                NotBefore = now.UtcDateTime,
                NextAttemptAt = now.UtcDateTime,
                Status = OutboxStatus.Pending,
                CreatedAt = now,
            });
            watch.NotifiedAt = now;
        }

        return watchers.Count;
    }

    private string? Validate(CaseImportRow row)
    {
        var number = row["caseNumber"];
        if (number is null || !CaseNumberRecognizer.IsValid(number))
        {
            return $"caseNumber: '{Shorten(number)}' is not a reference number like KT.5410.123.2026";
        }

        var unit = row["unit"];
        if (unit is null || Catalogue.Office.FindUnit(unit) is null)
        {
            return $"unit: '{Shorten(unit)}' is not a unit of the office";
        }

        if (!CaseNumberRecognizer.Find(number)!.StartsWith(unit.ToUpperInvariant() + ".", StringComparison.Ordinal))
        {
            return $"unit: '{unit}' does not match the case number {number}";
        }

        if (row["service"] is not { } service || Catalogue.Find(service) is null)
        {
            return $"service: '{Shorten(row["service"])}' is not a service card id";
        }

        if (row["status"] is not { } status || !CaseStatus.All.Contains(status))
        {
            return $"status: '{Shorten(row["status"])}' must be one of {string.Join(", ", CaseStatus.All)}";
        }

        if (Moment(row["statusDate"]) is null)
        {
            return $"statusDate: '{Shorten(row["statusDate"])}' is not an ISO 8601 date or time";
        }

        if (Moment(row["filedDate"]) is null)
        {
            return $"filedDate: '{Shorten(row["filedDate"])}' is not an ISO 8601 date";
        }

        // Shorter codes are guessed too easily; a digit keeps codes apart from words (and masked in transcripts).
        if (row["code"] is { } code && (CaseCodes.Normalize(code) is { Length: < 6 or > 16 } || !code.Any(char.IsAsciiDigit)))
        {
            return "code: the verification code must have 6 to 16 letters or digits, at least one a digit";
        }

        if (row["missing"] is { Length: > MaxMissingLength })
        {
            return $"missing: at most {MaxMissingLength} characters";
        }

        return row["complex"] is { } complex && !bool.TryParse(complex, out _) ? "complex: true or false" : null;
    }

    private ParsedCase Parse(CaseImportRow row)
    {
        var filed = DateOnly.FromDateTime(Moment(row["filedDate"])!.Value.DateTime);
        var complex = bool.TryParse(row["complex"], out var c) && c;
        var digits = row["phone"] is { } phone ? new string(phone.Where(char.IsAsciiDigit).ToArray()) : null;
        return new ParsedCase(
            CaseNumberRecognizer.Find(row["caseNumber"]!)!, Catalogue.Office.FindUnit(row["unit"]!)!.Code,
            row["service"]!, row["status"]!, Moment(row["statusDate"])!.Value, filed, filed.AddMonths(complex ? 2 : 1),
            row["missing"], digits is { Length: >= 3 } ? digits[^3..] : null);
    }

    /// <summary>Applies a reported record to a known case; true when anything changed.</summary>
    private static bool Apply(CaseRecord existing, ParsedCase record, string? code, DateTimeOffset now, string source)
    {
        var changed = false;
        if (!existing.History.Any(e => e.Status == record.Status && e.StatusDate == record.StatusDate))
        {
            existing.History.Add(Event(record, now, source));
            // An older status arriving late joins the history without turning the case back.
            if (record.StatusDate >= existing.StatusDate)
            {
                existing.Status = record.Status;
                existing.StatusDate = record.StatusDate;
                existing.Missing = record.Missing;
            }

            changed = true;
        }

        if (code is not null && !CaseCodes.Matches(code, existing.CodeHash, existing.CodeSalt))
        {
            (existing.CodeHash, existing.CodeSalt) = CaseCodes.Protect(code);
            existing.KeypadHash = CaseCodes.ProtectKeypad(code, existing.CodeSalt);
            changed = true;
        }
        else if (code is not null && existing.KeypadHash is null)
        {
            existing.KeypadHash = CaseCodes.ProtectKeypad(code, existing.CodeSalt);
            changed = true;
        }

        if (existing.Service != record.Service || existing.FiledDate != record.FiledDate || existing.Deadline != record.Deadline || (record.PhoneLastDigits is not null && existing.PhoneLastDigits != record.PhoneLastDigits))
        {
            existing.Service = record.Service;
            existing.FiledDate = record.FiledDate;
            existing.Deadline = record.Deadline;
            existing.PhoneLastDigits = record.PhoneLastDigits ?? existing.PhoneLastDigits;
            changed = true;
        }

        if (changed)
        {
            existing.UpdatedAt = now;
        }

        return changed;
    }

    private static CaseEventRecord Event(ParsedCase record, DateTimeOffset now, string source) =>
        new() { Status = record.Status, StatusDate = record.StatusDate, Missing = record.Missing, ImportedAt = now, Source = source };

    /// <summary>An ISO 8601 date ("2026-11-20") or time with offset ("2026-11-20T10:15:00+01:00"); a bare date is midnight office time. Null outside the office's dates.</summary>
    private DateTimeOffset? Moment(string? text)
    {
        if (text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && !OfficeDates.Contains(day))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && text!.Contains('T', StringComparison.Ordinal) ? moment : null;
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private sealed record ParsedCase(string Number, string Unit, string Service, string Status, DateTimeOffset StatusDate, DateOnly FiledDate, DateOnly Deadline, string? Missing, string? PhoneLastDigits);
}

public sealed record ImportResult(int Created, int Updated, int Unchanged, int Notices, IReadOnlyList<ImportRejection> Rejected);

public sealed record CaseStatusView(
    string CaseNumber, string Status, string StatusText, string NextStep, DateOnly Deadline, string DeadlineText,
    bool ReadyForPickup, PickupView? Pickup, string Unit, string Service);

public sealed record PickupView(string Place, string? HoursToday);
