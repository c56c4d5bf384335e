using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class RecoveryCodeEntityConfiguration : IEntityTypeConfiguration<RecoveryCodeEntity>
{
    public void Configure(EntityTypeBuilder<RecoveryCodeEntity> builder)
    {
        builder.ToTable("RecoveryCodes");
        builder.HasOne<UserEntity>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.UserId);
        // Hex salt, a colon, hex SHA-256.
        builder.Property(c => c.Hash).HasMaxLength(128).IsRequired();
    }
}
