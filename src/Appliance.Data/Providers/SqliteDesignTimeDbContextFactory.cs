using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Appliance.Data.Providers;

// Let `dotnet ef migrations add <Name> --context SqliteApplianceDbContext|PostgresApplianceDbContext
// --output-dir Migrations/Sqlite|Migrations/Postgres` build each provider's model without starting
// the appliance or reaching a database.
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteApplianceDbContext>
{
    public SqliteApplianceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteApplianceDbContext>().UseSqlite("Data Source=design.db").Options);
}
