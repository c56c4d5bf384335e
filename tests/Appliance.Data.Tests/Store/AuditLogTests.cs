using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

/// <summary>Actions that change no configuration (a cache purge) are audited too, on both providers.</summary>
public sealed class AuditLogTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task An_action_is_recorded_with_its_details_and_a_name_longer_than_the_column_is_shortened()
    {
        var audit = fixture.Services.GetRequiredService<AuditLog>();
        var url = "https://shop.example.com/" + new string('a', 300);

        // PostgreSQL refuses a value longer than the column; SQLite would keep it whole.
        await audit.RecordAsync("ops", AuditAction.Purge, "cache", url, new { scope = "Url", url });

        var entry = (await audit.GetLatestAsync(1)).Single();
        Assert.Equal(AuditAction.Purge, entry.Action);
        Assert.Equal("ops", entry.Actor);
        Assert.Equal(url[..200], entry.EntityName);
        Assert.Contains(url, entry.After);
    }
}
