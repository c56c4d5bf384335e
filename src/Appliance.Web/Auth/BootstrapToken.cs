using System.Security.Cryptography;
using Appliance.Data.Tokens;

namespace Appliance.Web.Auth;

/// <summary>
/// The optional token from <c>Appliance:Admin:BootstrapToken</c>, for automation before any user
/// exists. Only its hash is kept in memory, and comparison takes the same time whatever matches.
/// </summary>
public sealed class BootstrapToken
{
    public const string ConfigurationKey = "Appliance:Admin:BootstrapToken";
    public const int MinimumLength = 24;
    public const string ActorName = "bootstrap";

    private readonly byte[]? _hash;

    public BootstrapToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        if (token.Length < MinimumLength)
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} must be at least {MinimumLength} characters long; generate one with `openssl rand -hex 32`.");
        }

        _hash = Convert.FromHexString(ApiTokenHasher.Hash(token));
    }

    /// <summary>True when <paramref name="presented"/> is the bootstrap token.</summary>
    public bool Matches(string presented) =>
        _hash is not null && CryptographicOperations.FixedTimeEquals(_hash, Convert.FromHexString(ApiTokenHasher.Hash(presented)));
}
