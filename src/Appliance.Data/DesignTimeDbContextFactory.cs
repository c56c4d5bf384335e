using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Appliance.Data;

// Lets `dotnet ef migrations add` build the model without starting the appliance.
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ApplianceDbContext>
{
    public ApplianceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplianceDbContext>().UseSqlite("Data Source=design.db").Options);
}
