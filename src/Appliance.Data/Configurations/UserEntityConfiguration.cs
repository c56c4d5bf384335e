using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class UserEntityConfiguration : IEntityTypeConfiguration<UserEntity>
{
    public void Configure(EntityTypeBuilder<UserEntity> builder)
    {
        builder.ToTable("Users");
        builder.Property(u => u.UserName).HasMaxLength(64).IsRequired();
        builder.Property(u => u.NormalizedUserName).HasMaxLength(64).IsRequired();
        builder.HasIndex(u => u.NormalizedUserName).IsUnique();
        builder.Property(u => u.PasswordHash).HasMaxLength(512).IsRequired();
        builder.Property(u => u.Role).HasMaxLength(20).IsRequired();
        builder.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
        // A JSON array of at most RecentSignInAddresses.Kept network keys.
        builder.PrimitiveCollection(u => u.RecentSignInAddresses).HasMaxLength(512);
        // Stored as its name; users from before the column existed get the default, System.
        builder.Property(u => u.ThemePreference).HasConversion<string>().HasMaxLength(16)
            .HasDefaultValue(Users.Preferences.ThemePreference.System);
    }
}
