using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Users;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Tokens;

/// <summary>
/// API tokens, stored as hashes only. Creating and revoking one is audited, its secret never is, and
/// only an Admin who still is one when the change is written may do either (see <see cref="Editor"/>).
/// </summary>
public sealed class ApiTokenStore(IDbContextFactory<ApplianceDbContext> contexts, TimeProvider time)
{
    private const string TokenEntityType = "token";
    private const int MaxNameLength = 100;

    /// <summary>
    /// Creates a token and returns it: this is the only time its secret is ever seen. 403 when
    /// <paramref name="editor"/> is no longer an Admin.
    /// </summary>
    public async Task<StoreResult<CreatedApiToken>> CreateAsync(ApiTokenRequest request, Editor editor, CancellationToken cancellationToken = default)
    {
        var name = request.Name?.Trim() ?? "";
        var errors = new ValidationErrors();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add("name", $"A name of 1 to {MaxNameLength} printable characters is required.");
        }

        ApplianceRoles.Validate(request.Role, errors);

        if (!errors.IsEmpty)
        {
            return StoreResult<CreatedApiToken>.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await editor.MayChangeAsync(db, cancellationToken))
        {
            return StoreResult<CreatedApiToken>.Forbidden(Editor.Refusal);
        }

        if (await db.ApiTokens.AnyAsync(t => t.Name == name && t.RevokedAt == null, cancellationToken))
        {
            return StoreResult<CreatedApiToken>.Conflict("name", $"An active token named '{name}' already exists.");
        }

        var token = ApiTokenHasher.NewToken();
        var entity = new ApiTokenEntity { Name = name, Role = request.Role, TokenHash = ApiTokenHasher.Hash(token), CreatedAt = time.GetUtcNow() };
        db.ApiTokens.Add(entity);
        Audit(db, editor.Name, AuditAction.Create, name, before: null, after: ToInfo(entity));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<CreatedApiToken>.Ok(new CreatedApiToken(entity.Id, entity.Name, entity.Role, entity.CreatedAt, token));
    }

    /// <summary>Every token, active and revoked, oldest first.</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return tokens.Select(ToInfo).ToArray();
    }

    /// <summary>Revokes a token; it stops working at once. 403 when <paramref name="editor"/> is no longer an Admin.</summary>
    public async Task<StoreResult<ApiTokenInfo>> RevokeAsync(int id, Editor editor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await editor.MayChangeAsync(db, cancellationToken))
        {
            return StoreResult<ApiTokenInfo>.Forbidden(Editor.Refusal);
        }

        var entity = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.RevokedAt == null, cancellationToken);
        if (entity is null)
        {
            return StoreResult<ApiTokenInfo>.NotFound($"There is no active token with id {id}.");
        }

        var before = ToInfo(entity);
        entity.RevokedAt = time.GetUtcNow();
        Audit(db, editor.Name, AuditAction.Delete, entity.Name, before, ToInfo(entity));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoreResult<ApiTokenInfo>.Ok(ToInfo(entity));
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

    private static ApiTokenInfo ToInfo(ApiTokenEntity entity) => new(entity.Id, entity.Name, entity.Role, entity.CreatedAt, entity.RevokedAt);

    private void Audit(ApplianceDbContext db, string actor, AuditAction action, string name, ApiTokenInfo? before, ApiTokenInfo? after) =>
        Auditing.AuditTrail.Add(db, time, actor, action, TokenEntityType, name, before, after);
}
