using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class ErrorPageEntityConfiguration : IEntityTypeConfiguration<ErrorPageEntity>
{
    public void Configure(EntityTypeBuilder<ErrorPageEntity> builder)
    {
        builder.ToTable("ErrorPages");
        builder.Property(p => p.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Route).HasMaxLength(63);

        // Bounded by validation (64 KiB of UTF-8); text on both providers.
        builder.Property(p => p.Html).IsRequired();
    }
}
