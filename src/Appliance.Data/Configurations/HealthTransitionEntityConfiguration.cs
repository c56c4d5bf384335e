using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Appliance.Data.Configurations;

internal sealed class HealthTransitionEntityConfiguration : IEntityTypeConfiguration<HealthTransitionEntity>
{
    public void Configure(EntityTypeBuilder<HealthTransitionEntity> builder)
    {
        builder.ToTable("HealthTransitions");
        builder.Property(t => t.Node).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Pool).HasMaxLength(63).IsRequired();
        builder.Property(t => t.Backend).HasMaxLength(2048).IsRequired();
        builder.Property(t => t.At).HasConversion<UnixMilliseconds>();
        builder.Property(t => t.State).HasMaxLength(16).IsRequired();
        builder.Property(t => t.Source).HasMaxLength(16).IsRequired();
        builder.Property(t => t.Reason).HasMaxLength(200);

        // A run's transitions go with it when retention removes the run.
        builder.HasOne<UptimeSessionEntity>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        // Reads and retention go by run and backend; the last column orders a backend's transitions.
        builder.HasIndex(t => new { t.SessionId, t.Pool, t.Backend, t.At });
    }
}
