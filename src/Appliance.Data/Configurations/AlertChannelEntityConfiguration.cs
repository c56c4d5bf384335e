using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class AlertChannelEntityConfiguration : IEntityTypeConfiguration<AlertChannelEntity>
{
    public void Configure(EntityTypeBuilder<AlertChannelEntity> builder)
    {
        builder.ToTable("AlertChannels");
        builder.Property(c => c.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Type).HasMaxLength(16).IsRequired();
    }
}
