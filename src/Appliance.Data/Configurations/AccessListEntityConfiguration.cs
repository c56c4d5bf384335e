using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class AccessListEntityConfiguration : IEntityTypeConfiguration<AccessListEntity>
{
    public void Configure(EntityTypeBuilder<AccessListEntity> builder)
    {
        builder.ToTable("AccessLists");
        builder.Property(l => l.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(l => l.Name).IsUnique();
        builder.Property(l => l.DefaultAction).HasMaxLength(16).IsRequired();
        builder.Property(l => l.DenyAction).HasMaxLength(16).IsRequired();
        builder.Property(l => l.RulesJson).IsRequired();
        builder.Property(l => l.BasicAuthJson).IsRequired().HasDefaultValue("[]");
    }
}
