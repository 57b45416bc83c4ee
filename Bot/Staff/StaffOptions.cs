namespace Asystent.Bot.Staff;

/// <summary>
/// The office staff who may open the staff pages, from configuration (Staff:Accounts:N:UserName,
/// Password, Units). There is no default account: without one the staff pages say they are not set
/// up. This is the interim sign-in; clerk accounts in the database come with the clerk console.
/// </summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Passwords shorter than this are refused at start-up (the account is left out).</summary>
    public const int MinPasswordLength = 12;

    public List<StaffAccount> Accounts { get; set; } = [];

    /// <summary>Failed sign-ins in a row before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}

public sealed class StaffAccount
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>The units whose visits this person sees (e.g. KT, BP); empty means every unit.</summary>
    public List<string> Units { get; set; } = [];

    public bool MaySee(string unit) => Units.Count == 0 || Units.Contains(unit, StringComparer.OrdinalIgnoreCase);
}
