using Appliance.Data.Entities;
using Appliance.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Tokens;

/// <summary>API tokens, stored as hashes only.</summary>
public sealed class ApiTokenStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    /// <summary>Creates a token and returns it: this is the only time it is ever seen.</summary>
    public async Task<string> CreateAsync(string name, string role, CancellationToken cancellationToken = default)
    {
        if (!ApplianceRoles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var token = ApiTokenHasher.NewToken();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(new ApiTokenEntity { Name = name, Role = role, TokenHash = ApiTokenHasher.Hash(token), CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The identity of a token that exists and is not revoked, else null.</summary>
    public async Task<ApiTokenIdentity?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = ApiTokenHasher.Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new ApiTokenIdentity(t.Name, t.Role))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
