using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class PoolEntityConfiguration : IEntityTypeConfiguration<PoolEntity>
{
    public void Configure(EntityTypeBuilder<PoolEntity> builder)
    {
        builder.ToTable("Pools");
        builder.Property(p => p.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.LoadBalancing).HasMaxLength(40).IsRequired();
        builder.OwnsOne(p => p.HealthCheck, health =>
        {
            health.Property(h => h.Path).HasColumnName("HealthCheckPath").HasMaxLength(2048);
            health.Property(h => h.IntervalSeconds).HasColumnName("HealthCheckIntervalSeconds");
            health.Property(h => h.TimeoutSeconds).HasColumnName("HealthCheckTimeoutSeconds");
            health.Property(h => h.UnhealthyAfter).HasColumnName("HealthCheckUnhealthyAfter");
            health.Property(h => h.HealthyAfter).HasColumnName("HealthCheckHealthyAfter");
        });
        builder.HasMany(p => p.Backends).WithOne().HasForeignKey(b => b.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
