using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class ClusterMessageEntityConfiguration : IEntityTypeConfiguration<ClusterMessageEntity>
{
    public void Configure(EntityTypeBuilder<ClusterMessageEntity> builder)
    {
        builder.ToTable("ClusterMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.Topic).HasMaxLength(64);
        builder.Property(m => m.Origin).HasMaxLength(100);
        builder.Property(m => m.CreatedAt).HasConversion<UnixMilliseconds>();
        builder.HasIndex(m => m.CreatedAt);
    }
}
