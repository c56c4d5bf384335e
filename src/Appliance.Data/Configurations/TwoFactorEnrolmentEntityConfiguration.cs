using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class TwoFactorEnrolmentEntityConfiguration : IEntityTypeConfiguration<TwoFactorEnrolmentEntity>
{
    public void Configure(EntityTypeBuilder<TwoFactorEnrolmentEntity> builder)
    {
        builder.ToTable("TwoFactorEnrolments");
        builder.HasKey(e => e.UserId);
        builder.Property(e => e.UserId).ValueGeneratedNever();
        builder.HasOne<UserEntity>().WithOne().HasForeignKey<TwoFactorEnrolmentEntity>(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        // A Data Protection payload of a 20-byte secret is about 200 characters.
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1024).IsRequired();
    }
}
