using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class StreamEntityConfiguration : IEntityTypeConfiguration<StreamEntity>
{
    public void Configure(EntityTypeBuilder<StreamEntity> builder)
    {
        builder.ToTable("Streams");
        builder.Property(s => s.Name).HasMaxLength(63).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();

        // The pool and access list are referred to by name, as a route's access list is: the write
        // path checks that they exist and refuses to delete them while a stream names them.
        builder.Property(s => s.Pool).HasMaxLength(63).IsRequired();
        builder.Property(s => s.AccessList).HasMaxLength(63);

        // Read and written whole, like a route's hosts.
        builder.PrimitiveCollection(s => s.SniHosts).IsRequired();
    }
}
