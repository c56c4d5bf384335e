using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class ConfigHistoryEntryConfiguration : IEntityTypeConfiguration<ConfigHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ConfigHistoryEntry> builder)
    {
        builder.ToTable("ConfigHistory");
        builder.HasKey(h => h.Number);

        // The revision's own number, never one the database makes up.
        builder.Property(h => h.Number).ValueGeneratedNever();
        builder.Property(h => h.At).HasConversion<UnixMilliseconds>();
        builder.Property(h => h.Actor).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Summary).HasMaxLength(400).IsRequired();
        builder.Property(h => h.Document).IsRequired();
    }
}
