using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class AcmeAccountEntityConfiguration : IEntityTypeConfiguration<AcmeAccountEntity>
{
    public void Configure(EntityTypeBuilder<AcmeAccountEntity> builder)
    {
        builder.ToTable("AcmeAccounts");
        builder.Property(a => a.DirectoryUrl).HasMaxLength(2048).IsRequired();
        builder.HasIndex(a => a.DirectoryUrl).IsUnique();
        builder.Property(a => a.AccountUrl).HasMaxLength(2048).IsRequired();
        builder.Property(a => a.Email).HasMaxLength(320);
    }
}
