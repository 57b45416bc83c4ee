using Asystent.KnowledgeBase.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Asystent.KnowledgeBase.Staff;

/// <summary>The result of a sign-in: the account when the password was right.</summary>
public sealed record SignInResult(SignInOutcome Outcome, StaffAccountRecord? Account = null);

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

/// <summary>
/// Staff accounts in the database: created with a hashed password (ASP.NET Core Identity's hasher,
/// PBKDF2), checked at sign-in with the same work and answer for an unknown name as for a wrong
/// password, locked for a while after many failures from any addresses (each address is throttled
/// well before that, so one person cannot lock a clerk out). A locked account takes the same work as
/// an open one. There is no default account: the first one comes from configuration or from
/// <c>Indexer staff-add</c>.
/// </summary>
public sealed class StaffAccounts(AssistantDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Cases.FailureLimitOptions> limits)
{
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<StaffAccountRecord> Hasher = new();

    // Verified when the name is unknown, so that case takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.StaffAccounts.AnyAsync(cancellationToken);

    public Task<StaffAccountRecord?> FindAsync(string userName, CancellationToken cancellationToken) =>
        db.StaffAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserName == userName.Trim(), cancellationToken);

    /// <summary>Why an account cannot be created as asked; null when it can.</summary>
    public static string? Problem(string userName, string password, string role)
    {
        if (userName.Trim().Length is 0 or > 64 || userName.Any(char.IsWhiteSpace))
        {
            return "The user name must be 1–64 characters without spaces.";
        }

        if (password.Length < MinPasswordLength)
        {
            return $"The password must have at least {MinPasswordLength} characters.";
        }

        return StaffRoles.IsKnown(role) ? null : $"The role must be {StaffRoles.Clerk}, {StaffRoles.Editor} or {StaffRoles.Admin}.";
    }

    /// <summary>Creates the account, or sets a new password, role and units when it exists; returns whether it was created.</summary>
    public async Task<bool> SaveAsync(string userName, string password, string role, IEnumerable<string> units, CancellationToken cancellationToken)
    {
        if (Problem(userName, password, role) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var account = await db.StaffAccounts.FirstOrDefaultAsync(a => a.UserName == userName.Trim(), cancellationToken);
        var created = account is null;
        account ??= db.StaffAccounts.Add(new StaffAccountRecord
        {
            UserName = userName.Trim(), PasswordHash = "", Role = role, CreatedAt = clock.GetUtcNow(),
        }).Entity;
        account.PasswordHash = Hasher.HashPassword(account, password);
        account.Role = role;
        account.Units = string.Join(',', units.Select(u => u.Trim().ToUpperInvariant()).Where(u => u.Length > 0).Distinct());
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Creates the account only when there is none of that name (configuration never overwrites a password changed since).</summary>
    public async Task<bool> EnsureAsync(string userName, string password, string role, IEnumerable<string> units, CancellationToken cancellationToken) =>
        await FindAsync(userName, cancellationToken) is null && await SaveAsync(userName, password, role, units, cancellationToken);

    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        userName = (userName ?? "").Trim();
        var now = clock.GetUtcNow();
        var account = userName.Length == 0 ? null : await db.StaffAccounts.FirstOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        var verdict = Hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? DecoyHash, password ?? "");
        if (account?.LockedUntil > now)
        {
            Record(account.UserName, "sign_in_refused", detail: "locked");
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.LockedOut);
        }

        if (account is null)
        {
            Record(userName, "sign_in_refused", detail: "unknown name");
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.Refused);
        }

        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            var locked = account.FailedSignIns >= limits.Value.SignInPerAccount;
            if (locked)
            {
                account.FailedSignIns = 0;
                account.LockedUntil = now + TimeSpan.FromMinutes(limits.Value.WindowMinutes);
            }

            Record(account.UserName, locked ? "locked_out" : "sign_in_refused");
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(locked ? SignInOutcome.LockedOut : SignInOutcome.Refused);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account, password!);
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        Record(account.UserName, "signed_in");
        await db.SaveChangesAsync(cancellationToken);
        return new SignInResult(SignInOutcome.SignedIn, account);
    }

    /// <summary>Adds an entry to the staff action log (saved with the caller's next save).</summary>
    public void Record(string userName, string action, string? subject = null, string? detail = null) =>
        db.StaffActions.Add(new StaffActionRecord { At = clock.GetUtcNow(), UserName = userName.Length > 64 ? userName[..64] : userName, Action = action, Subject = subject, Detail = detail });
}
