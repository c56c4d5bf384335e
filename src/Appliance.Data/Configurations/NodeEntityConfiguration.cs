using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class NodeEntityConfiguration : IEntityTypeConfiguration<NodeEntity>
{
    public void Configure(EntityTypeBuilder<NodeEntity> builder)
    {
        builder.ToTable("Nodes");
        builder.HasKey(n => n.Name);
        builder.Property(n => n.Name).HasMaxLength(100);
        builder.Property(n => n.Addresses).HasMaxLength(4000);
        builder.Property(n => n.Version).HasMaxLength(64);
        builder.Property(n => n.StartedAt).HasConversion<UnixMilliseconds>();
        builder.Property(n => n.LastSeenAt).HasConversion<UnixMilliseconds>();
    }
}
