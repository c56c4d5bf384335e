using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class RateLimitEntityConfiguration : IEntityTypeConfiguration<RateLimitEntity>
{
    public void Configure(EntityTypeBuilder<RateLimitEntity> builder)
    {
        builder.ToTable("RateLimits");
        builder.Property(l => l.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(l => l.Name).IsUnique();
    }
}
