using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Appliance.Data.Providers;

// See SqliteDesignTimeDbContextFactory; the connection string is never opened by `migrations add`.
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresApplianceDbContext>
{
    public PostgresApplianceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresApplianceDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
