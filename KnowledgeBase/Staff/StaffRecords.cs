namespace Asystent.KnowledgeBase.Staff;

/// <summary>
/// The kinds of office staff: clerks serve their units' queues, editors keep the service cards current
/// (/admin/cards), admins also see the analytics and every unit, and edit cards too.
/// </summary>
public static class StaffRoles
{
    public const string Clerk = "clerk";
    public const string Editor = "editor";
    public const string Admin = "admin";

    public static bool IsKnown(string role) => role is Clerk or Editor or Admin;
}

/// <summary>
/// A member of staff who may sign in to the staff pages and the clerk console. The password is kept
/// only as an ASP.NET Core Identity hash; failed sign-ins in a row lock the account for a while.
/// </summary>
public sealed class StaffAccountRecord
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }

    /// <summary>Comma-separated unit symbols (KT,BP) whose queues and visits this person sees; empty means every unit.</summary>
    public string Units { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<string> UnitList => Units.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>What a member of staff did, when, and to what: sign-ins, taking over conversations, replies, callbacks.</summary>
public sealed class StaffActionRecord
{
    public long Id { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string UserName { get; set; }

    /// <summary>signed_in, sign_in_refused, accepted, replied, handed_back, closed, callback_done…</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: "handoff:12", "callback:3".</summary>
    public string? Subject { get; set; }
    public string? Detail { get; set; }
}
