using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class LeaseEntityConfiguration : IEntityTypeConfiguration<LeaseEntity>
{
    public void Configure(EntityTypeBuilder<LeaseEntity> builder)
    {
        builder.ToTable("Leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(300);
        builder.Property(l => l.Owner).HasMaxLength(100);
        builder.Property(l => l.AcquiredAt).HasConversion<UnixMilliseconds>();
        builder.Property(l => l.ExpiresAt).HasConversion<UnixMilliseconds>();
    }
}
