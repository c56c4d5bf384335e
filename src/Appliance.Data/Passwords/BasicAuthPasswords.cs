using Appliance.Data.ConfigKinds.AccessLists;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Passwords;

/// <summary>
/// Turns the passwords of an access list's basic-auth users into hashes before anything is stored:
/// a new password is checked and hashed, a user sent without one keeps the hash it had, and a new
/// user without a password is refused. The hashing, slow by design, is done by <see cref="HashNew"/>
/// before the store takes its write lock; <see cref="Resolve"/>, inside it, only looks up stored hashes.
/// </summary>
public static class BasicAuthPasswords
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>
    /// The users with every new password of an acceptable length hashed, before the write lock is
    /// taken. A list longer than the validator allows is left as it is: it will be refused, and
    /// nothing should be spent on it.
    /// </summary>
    public static IReadOnlyList<BasicAuthUserSpec>? HashNew(IReadOnlyList<BasicAuthUserSpec>? users) =>
        users is null || users.Count > AccessListValidator.MaxBasicAuthUsers
            ? users
            : users.Select(user => user is { Password: { Length: >= MinLength and <= MaxLength } password }
                ? user with { NewPasswordHash = PasswordHashes.Hash(password) }
                : user).ToArray();

    /// <summary>The users with hashes resolved; messages go to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<BasicAuthUserSpec> Resolve(IReadOnlyList<BasicAuthUserSpec>? users, IReadOnlyList<BasicAuthUserSpec> stored, ValidationErrors errors, string prefix = "")
    {
        var field = ValidationErrors.Field(prefix, "basicAuthUsers");
        if (users is null)
        {
            return [];
        }

        if (users.Count > AccessListValidator.MaxBasicAuthUsers)
        {
            // The validator refuses the list; resolving it would only cost time.
            return users;
        }

        var known = stored.Where(u => u.PasswordHash is not null).ToDictionary(u => u.User, u => u.PasswordHash!, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new List<BasicAuthUserSpec>(users.Count);
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            var name = user?.User?.Trim() ?? "";
            if (name.Length is 0 or > 64 || name.Contains(':', StringComparison.Ordinal) || name.Any(char.IsControl))
            {
                errors.Add($"{field}[{i}].user", "A user name of 1 to 64 characters, without ':' or control characters, is required.");
                continue;
            }

            if (!seen.Add(name))
            {
                errors.Add($"{field}[{i}].user", $"'{name}' is listed twice.");
                continue;
            }

            if (user!.Password is { } password)
            {
                if (password.Length is < MinLength or > MaxLength)
                {
                    errors.Add($"{field}[{i}].password", $"Use a password of {MinLength} to {MaxLength} characters.");
                    continue;
                }

                // Hashed already unless the caller skipped HashNew (tests of the pure edits do).
                resolved.Add(new BasicAuthUserSpec { User = name, PasswordHash = user.NewPasswordHash ?? PasswordHashes.Hash(password) });
            }
            else if (known.TryGetValue(name, out var hash))
            {
                resolved.Add(new BasicAuthUserSpec { User = name, PasswordHash = hash });
            }
            else
            {
                errors.Add($"{field}[{i}].password", $"'{name}' is new: a password is required.");
            }
        }

        return resolved;
    }
}
