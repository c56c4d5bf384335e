using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Providers;

// Everything asks for ApplianceDbContext; this hands out the configured provider's subclass.
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ApplianceDbContext>
    where TContext : ApplianceDbContext
{
    public ApplianceDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ApplianceDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
