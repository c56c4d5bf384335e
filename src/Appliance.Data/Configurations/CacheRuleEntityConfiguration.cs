using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class CacheRuleEntityConfiguration : IEntityTypeConfiguration<CacheRuleEntity>
{
    public void Configure(EntityTypeBuilder<CacheRuleEntity> builder)
    {
        builder.ToTable("CacheRules");
        builder.Property(r => r.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Route).HasMaxLength(63);
        builder.Property(r => r.Match).HasMaxLength(1024).IsRequired();
        builder.Property(r => r.Mode).HasMaxLength(32).IsRequired();
    }
}
