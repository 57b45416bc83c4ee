using System.Security.Claims;
using Asystent.KnowledgeBase.Staff;

namespace Asystent.Bot.Staff;

/// <summary>The signed-in member of staff, as their sign-in cookie says: name, role and the units they serve.</summary>
public sealed record StaffUser(string UserName, string Role, IReadOnlyList<string> Units)
{
    private const string UnitClaim = "asystent:unit";

    public bool IsAdmin => Role == StaffRoles.Admin;

    /// <summary>Whether this person serves the unit: theirs, or any when their account names none.</summary>
    public bool MaySee(string unit) => Units.Count == 0 || Units.Contains(unit, StringComparer.OrdinalIgnoreCase);

    public static StaffUser? From(ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, Name: { } name }
            ? new StaffUser(name, principal.FindFirstValue(ClaimTypes.Role) ?? StaffRoles.Clerk, principal.FindAll(UnitClaim).Select(c => c.Value).ToList())
            : null;

    public static ClaimsPrincipal Principal(StaffAccountRecord account, string scheme) =>
        new(new ClaimsIdentity(
            account.UnitList.Select(unit => new Claim(UnitClaim, unit))
                .Append(new Claim(ClaimTypes.Name, account.UserName))
                .Append(new Claim(ClaimTypes.Role, account.Role)),
            scheme));
}
