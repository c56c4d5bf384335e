using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class BackendEntityConfiguration : IEntityTypeConfiguration<BackendEntity>
{
    public void Configure(EntityTypeBuilder<BackendEntity> builder)
    {
        builder.ToTable("Backends");
        builder.Property(b => b.Address).HasMaxLength(2048).IsRequired();
        builder.HasIndex(b => new { b.PoolId, b.Address }).IsUnique();
    }
}
