using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class RouteTargetEntityConfiguration : IEntityTypeConfiguration<RouteTargetEntity>
{
    public void Configure(EntityTypeBuilder<RouteTargetEntity> builder)
    {
        builder.ToTable("RouteTargets");

        // A pool that a route still uses cannot be deleted: the store answers 409 first, the
        // database refuses as a last line.
        builder.HasOne(t => t.Pool).WithMany().HasForeignKey(t => t.PoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
