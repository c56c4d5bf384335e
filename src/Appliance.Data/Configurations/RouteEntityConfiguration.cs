using Appliance.Data.Entities;
using Appliance.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class RouteEntityConfiguration : IEntityTypeConfiguration<RouteEntity>
{
    public void Configure(EntityTypeBuilder<RouteEntity> builder)
    {
        builder.ToTable("Routes");
        builder.Property(r => r.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Path).HasMaxLength(2048).IsRequired();
        builder.Property(r => r.Tls).HasMaxLength(63).IsRequired().HasDefaultValue(TlsModes.Off);
        builder.Property(r => r.Compression).HasDefaultValue(true);

        // Hosts and methods are stored as JSON arrays: they are always read and written whole.
        builder.PrimitiveCollection(r => r.Hosts).IsRequired();
        builder.PrimitiveCollection(r => r.Methods).IsRequired();

        // Conditions, the redirect and the mirror are JSON text too, for the same reason; they are read only
        // through the mapper, which owns their shape (the API's own JSON).
        builder.Property(r => r.Headers).IsRequired().HasDefaultValue("[]");
        builder.Property(r => r.Query).IsRequired().HasDefaultValue("[]");
        builder.Property(r => r.Cookies).IsRequired().HasDefaultValue("[]");
        builder.Property(r => r.RewritePath).HasMaxLength(2048);

        // Header rules and maintenance too: "{}" reads as the spec's defaults (nothing set, off).
        builder.Property(r => r.RequestHeaders).IsRequired().HasDefaultValue("{}");
        builder.Property(r => r.ResponseHeaders).IsRequired().HasDefaultValue("{}");
        builder.Property(r => r.Maintenance).IsRequired().HasDefaultValue("{}");
        builder.Property(r => r.Challenge).IsRequired().HasDefaultValue("{}");
        builder.HasMany(r => r.Targets).WithOne().HasForeignKey(t => t.RouteId).OnDelete(DeleteBehavior.Cascade);
    }
}
