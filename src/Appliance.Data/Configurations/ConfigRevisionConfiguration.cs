using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class ConfigRevisionConfiguration : IEntityTypeConfiguration<ConfigRevision>
{
    public void Configure(EntityTypeBuilder<ConfigRevision> builder)
    {
        builder.ToTable("ConfigRevision");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasData(new ConfigRevision { Id = ConfigRevision.SingletonId, Revision = 0, ChangedAt = DateTimeOffset.UnixEpoch });
    }
}
