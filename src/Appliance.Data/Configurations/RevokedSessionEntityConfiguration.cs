using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class RevokedSessionEntityConfiguration : IEntityTypeConfiguration<RevokedSessionEntity>
{
    public void Configure(EntityTypeBuilder<RevokedSessionEntity> builder)
    {
        builder.ToTable("RevokedSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        // Unix milliseconds: SQLite compares numbers, and the pruning query runs in the database.
        builder.Property(s => s.ExpiresAt).HasConversion<UnixMilliseconds>();
        builder.HasIndex(s => s.ExpiresAt);
    }
}
