using Asystent.KnowledgeBase.Staff;

namespace Asystent.Bot.Staff;

/// <summary>
/// Staff accounts to create at start-up (Staff:Accounts:N:UserName, Password, Role, Units) when the
/// database has none of that name: how an installation gets its first admin. Accounts live in the
/// database; a password changed since (Indexer staff-add) is never overwritten from here. There is
/// no default account: without any, the staff pages say they are not set up.
/// </summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    public List<StaffAccountSettings> Accounts { get; set; } = [];
}

public sealed class StaffAccountSettings
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string Role { get; set; } = StaffRoles.Clerk;

    /// <summary>The units whose queues and visits this person sees (e.g. KT, BP); empty means every unit.</summary>
    public List<string> Units { get; set; } = [];
}
