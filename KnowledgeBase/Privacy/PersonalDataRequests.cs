using System.Text.Json;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Storage;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Privacy;

/// <summary>Whose data a request is about: a phone number (E.164) or an e-mail address, normalised.</summary>
public sealed record DataSubject(string? Phone, string? Email)
{
    /// <summary>The subject from what staff typed, or null (with why) when neither is usable.</summary>
    public static (DataSubject? Subject, string? Problem) Parse(string? phone, string? email)
    {
        if (!string.IsNullOrWhiteSpace(phone))
        {
            return ContactDetails.NormalizePhone(phone) is { } e164 ? (new DataSubject(e164, null), null) : (null, "The phone number is not valid.");
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            return ContactDetails.NormalizeEmail(email) is { } address ? (new DataSubject(null, address.ToLowerInvariant()), null) : (null, "The e-mail address is not valid.");
        }

        return (null, "Give --phone or --email.");
    }

    /// <summary>A reference for the audit log that does not repeat the data: "phone …567", "e-mail j…@e…".</summary>
    public string Reference => Phone is { } p ? $"phone …{p[^3..]}" : $"e-mail {Email![0]}…@{Email[(Email.IndexOf('@') + 1)..][0]}…";
}

/// <summary>What was found (or erased) for a subject, per kind of record.</summary>
public sealed record PersonalDataCounts(int Visits, int CallbackRequests, int CaseWatches, int Notifications, int Conversations)
{
    public override string ToString() =>
        $"visits {Visits}, callback requests {CallbackRequests}, case watches {CaseWatches}, notifications {Notifications}, conversations {Conversations}";
}

/// <summary>
/// A person's rights under the GDPR (RODO art. 15 and 17): everything the assistant holds under their
/// phone number or e-mail address, as JSON, or erased. Transcripts are stored masked, so a
/// conversation is theirs only when its dialogue state still holds the number or address. Every
/// request leaves an audit record (who, when, what was found or erased) that names the subject only
/// by <see cref="DataSubject.Reference"/>.
/// </summary>
public sealed class PersonalDataRequests(AssistantDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Only how many records of each kind the subject has (what an admin sees before exporting or erasing); audited as <c>privacy_find</c>.</summary>
    public async Task<PersonalDataCounts> CountAsync(DataSubject subject, string requestedBy, CancellationToken cancellationToken)
    {
        var counts = (await FindAsync(subject, cancellationToken)).Counts;
        Audit(requestedBy, "privacy_find", subject, counts);
        await db.SaveChangesAsync(cancellationToken);
        return counts;
    }

    /// <summary>The subject's data as a JSON document, and the counts; audited as <c>privacy_export</c>.</summary>
    public async Task<(string Json, PersonalDataCounts Counts)> ExportAsync(DataSubject subject, string requestedBy, CancellationToken cancellationToken)
    {
        var found = await FindAsync(subject, cancellationToken);
        var document = new
        {
            generatedAt = clock.GetUtcNow(),
            subject = new { phone = subject.Phone, email = subject.Email },
            visits = found.Visits.Select(v => new { v.Code, service = v.QueueId, v.Unit, start = v.StartsAt, v.Status, v.Name, v.Phone, v.Email, v.Language, v.CreatedAt }),
            callbackRequests = found.Callbacks.Select(c => new { c.Unit, c.Contact, c.PreferredTime, c.Topic, c.Channel, c.CreatedAt, c.DoneAt }),
            caseWatches = found.Watches.Select(w => new { w.CaseNumber, w.Watch.Phone, w.Watch.Email, w.Watch.ConsentAt, w.Watch.ConsentVia, w.Watch.NotifiedAt }),
            notifications = found.Notices.Select(m => new { m.Channel, m.Recipient, m.Subject, m.Body, m.Status, due = m.NotBefore }),
            conversations = found.Conversations.Select(c => new { c.Id, c.Channel, c.CreatedAt, c.UpdatedAt, state = c.StateJson }),
        };
        var counts = found.Counts;
        Audit(requestedBy, "privacy_export", subject, counts);
        await db.SaveChangesAsync(cancellationToken);
        return (JsonSerializer.Serialize(document, Json), counts);
    }

    /// <summary>Erases the subject's data (visits, callback requests, case watches, notifications, conversations); audited as <c>privacy_erase</c>.</summary>
    public async Task<PersonalDataCounts> EraseAsync(DataSubject subject, string requestedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await FindAsync(subject, cancellationToken);
        var conversationIds = found.Conversations.Select(c => c.Id).ToList();
        await db.ConversationActivities.Where(a => conversationIds.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        db.Conversations.RemoveRange(found.Conversations);
        db.Appointments.RemoveRange(found.Visits);
        db.CallbackRequests.RemoveRange(found.Callbacks);
        db.CaseWatches.RemoveRange(found.Watches.Select(w => w.Watch));
        db.Outbox.RemoveRange(found.Notices);
        Audit(requestedBy, "privacy_erase", subject, found.Counts);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return found.Counts;
    }

    private void Audit(string requestedBy, string action, DataSubject subject, PersonalDataCounts counts) =>
        db.StaffActions.Add(new Staff.StaffActionRecord
        {
            At = clock.GetUtcNow(), UserName = requestedBy.Length > 64 ? requestedBy[..64] : requestedBy, Action = action,
            Subject = subject.Reference, Detail = counts.ToString(),
        });

    private async Task<Found> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var (phone, email) = (subject.Phone, subject.Email);
        // SMS gateways and older records write the number without "+"; the state JSON may hold either form.
        var bare = phone?.TrimStart('+');
        var visits = await db.Appointments.Include(a => a.History)
            .Where(a => (phone != null && a.Phone == phone) || (email != null && a.Email != null && a.Email.ToLower() == email)).ToListAsync(cancellationToken);
        var callbacks = await db.CallbackRequests
            .Where(c => (phone != null && (c.Contact == phone || c.Contact == bare)) || (email != null && c.Contact.ToLower() == email)).ToListAsync(cancellationToken);
        var watches = await db.CaseWatches
            .Where(w => (phone != null && w.Phone == phone) || (email != null && w.Email != null && w.Email.ToLower() == email))
            .Join(db.Cases, w => w.CaseId, c => c.Id, (w, c) => new FoundWatch(w, c.Number)).ToListAsync(cancellationToken);
        var notices = await db.Outbox
            .Where(m => (phone != null && (m.Recipient == phone || m.Recipient == bare)) || (email != null && m.Recipient.ToLower() == email)).ToListAsync(cancellationToken);
        var needle = phone ?? email!;
        var conversations = await db.Conversations
            .Where(c => c.StateJson != null && (c.StateJson.Contains(needle) || (bare != null && c.StateJson.Contains(bare)))).ToListAsync(cancellationToken);
        return new Found(visits, callbacks, watches, notices, conversations);
    }

    private sealed record FoundWatch(Cases.CaseWatchRecord Watch, string CaseNumber);

    private sealed record Found(List<AppointmentRecord> Visits, List<Handoff.CallbackRequestRecord> Callbacks, List<FoundWatch> Watches,
        List<Notifications.OutboxMessageRecord> Notices, List<ConversationRecord> Conversations)
    {
        public PersonalDataCounts Counts => new(Visits.Count, Callbacks.Count, Watches.Count, Notices.Count, Conversations.Count);
    }
}
