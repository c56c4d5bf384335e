using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class UptimeSessionEntityConfiguration : IEntityTypeConfiguration<UptimeSessionEntity>
{
    public void Configure(EntityTypeBuilder<UptimeSessionEntity> builder)
    {
        builder.ToTable("UptimeSessions");
        builder.Property(s => s.Node).HasMaxLength(100).IsRequired();
        builder.Property(s => s.StartedAt).HasConversion<UnixMilliseconds>();
        builder.Property(s => s.LastSeenAt).HasConversion<UnixMilliseconds>();
        builder.HasIndex(s => new { s.Node, s.LastSeenAt });
    }
}
