using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class SignInPolicyEntityConfiguration : IEntityTypeConfiguration<SignInPolicyEntity>
{
    public void Configure(EntityTypeBuilder<SignInPolicyEntity> builder)
    {
        builder.ToTable("SignInPolicy");
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}
