using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class AcmeChallengeEntityConfiguration : IEntityTypeConfiguration<AcmeChallengeEntity>
{
    public void Configure(EntityTypeBuilder<AcmeChallengeEntity> builder)
    {
        builder.ToTable("AcmeChallenges");
        builder.HasKey(c => new { c.Type, c.Key });
        builder.Property(c => c.Type).HasMaxLength(16);
        builder.Property(c => c.Key).HasMaxLength(300);
        builder.Property(c => c.ExpiresAt).HasConversion<UnixMilliseconds>();
        builder.HasIndex(c => c.ExpiresAt);
    }
}
