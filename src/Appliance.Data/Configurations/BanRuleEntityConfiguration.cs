using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class BanRuleEntityConfiguration : IEntityTypeConfiguration<BanRuleEntity>
{
    public void Configure(EntityTypeBuilder<BanRuleEntity> builder)
    {
        builder.ToTable("BanRules");
        builder.Property(r => r.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
