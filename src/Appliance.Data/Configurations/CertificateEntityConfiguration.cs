using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class CertificateEntityConfiguration : IEntityTypeConfiguration<CertificateEntity>
{
    public void Configure(EntityTypeBuilder<CertificateEntity> builder)
    {
        builder.ToTable("Certificates");
        builder.Property(c => c.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.PrimitiveCollection(c => c.Hostnames).IsRequired();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Issuer).HasMaxLength(1024);
        builder.Property(c => c.Thumbprint).HasMaxLength(128);
        builder.Property(c => c.LastError).HasMaxLength(4096);
    }
}
