using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Handoff;
using Asystent.KnowledgeBase.Notifications;
using Asystent.KnowledgeBase.Storage;

namespace Asystent.KnowledgeBase.Tests.Privacy;

/// <summary>Records with personal data, dated as a test needs, for the retention and rights tests.</summary>
internal static class PrivacyRecords
{
    public static ConversationRecord Conversation(string id, DateTimeOffset at, string? state = null) =>
        new() { Id = id, Channel = "directline", CreatedAt = at, UpdatedAt = at, StateJson = state };

    public static ConversationActivityRecord Activity(string conversationId, DateTimeOffset at) =>
        new() { ConversationId = conversationId, Sequence = 1, Type = "message", Timestamp = at, Json = "{\"text\":\"dzień dobry\"}" };

    public static AppointmentRecord Visit(string code, DateTimeOffset start, string? phone, string name = "Jan Kowalski") => new()
    {
        Code = code, QueueId = "kt-rejestracja", Unit = "KT", StartsAt = start.UtcDateTime, EndsAt = start.UtcDateTime.AddMinutes(15),
        Day = DateOnly.FromDateTime(start.UtcDateTime), Name = name, Phone = phone, Language = "pl", Status = AppointmentStatus.Booked,
        CalendarToken = Guid.NewGuid().ToString("N"), CreatedAt = start.AddDays(-3), UpdatedAt = start.AddDays(-3),
    };

    public static CallbackRequestRecord Callback(string contact, DateTimeOffset at) => new()
    {
        Unit = "KT", Contact = contact, PreferredTime = "po 14", Topic = "rejestracja", Language = "pl", Channel = "directline", CreatedAt = at,
    };

    public static OutboxMessageRecord Sms(string recipient, DateTimeOffset due, string status) => new()
    {
        DedupKey = Guid.NewGuid().ToString("N"), Channel = "sms", Recipient = recipient, Body = "Wizyta jutro o 9:00", NotBefore = due.UtcDateTime,
        Status = status, NextAttemptAt = due.UtcDateTime, CreatedAt = due,
    };

    public static SearchQueryRecord Search(DateTimeOffset at) => new() { AskedAt = at, Channel = "web", Query = "paszport", Language = "pl" };

    public static KnowledgeBase.Analytics.AnalyticsEventRecord Event(DateTimeOffset at) => new()
    {
        Kind = "comment", At = at.UtcDateTime, Day = DateOnly.FromDateTime(at.UtcDateTime), Channel = "directline", Language = "pl", Text = "dziękuję",
    };
}
