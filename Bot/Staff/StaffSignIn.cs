using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Asystent.Bot.Staff;

/// <summary>
/// Checks staff credentials against the configured accounts: in constant time, with the same answer
/// for an unknown name and a wrong password, and a lockout after repeated failures per account name.
/// </summary>
public sealed class StaffSignIn(IOptions<StaffOptions> options, TimeProvider clock, ILogger<StaffSignIn> logger)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> attempts = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<StaffAccount> Accounts => options.Value.Accounts
        .Where(a => a.UserName.Length > 0 && a.Password.Length >= StaffOptions.MinPasswordLength)
        .ToList();

    public bool IsConfigured => Accounts.Count > 0;

    public StaffAccount? Find(string userName) =>
        Accounts.FirstOrDefault(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase));

    public SignInOutcome Check(string? userName, string? password)
    {
        userName = (userName ?? "").Trim();
        var now = clock.GetUtcNow();
        if (attempts.TryGetValue(userName, out var record) && record.LockedUntil > now)
        {
            return SignInOutcome.LockedOut;
        }

        var account = Find(userName);
        // Compare hashes, so the time taken says nothing about the password's length or an unknown name.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password ?? ""));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(account?.Password ?? Guid.NewGuid().ToString()));
        if (account is not null && CryptographicOperations.FixedTimeEquals(given, expected))
        {
            attempts.TryRemove(userName, out _);
            return SignInOutcome.SignedIn;
        }

        var failures = record.Failures + 1;
        var locked = failures >= options.Value.MaxFailedSignIns;
        attempts[userName] = (locked ? 0 : failures, locked ? now.AddMinutes(options.Value.LockoutMinutes) : DateTimeOffset.MinValue);
        if (locked)
        {
            logger.LogWarning("Staff sign-in locked for {Minutes} minutes after {Failures} failed attempts", options.Value.LockoutMinutes, failures);
        }

        return locked ? SignInOutcome.LockedOut : SignInOutcome.Refused;
    }
}

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}
