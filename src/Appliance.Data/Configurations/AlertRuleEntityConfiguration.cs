using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class AlertRuleEntityConfiguration : IEntityTypeConfiguration<AlertRuleEntity>
{
    public void Configure(EntityTypeBuilder<AlertRuleEntity> builder)
    {
        builder.ToTable("AlertRules");
        builder.Property(r => r.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
