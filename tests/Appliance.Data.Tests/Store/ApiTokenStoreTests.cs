using Appliance.Data.Model;
using Appliance.Data.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

public sealed class ApiTokenStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task A_token_is_found_by_its_value_and_only_its_hash_is_stored()
    {
        var tokens = fixture.Services.GetRequiredService<ApiTokenStore>();
        var token = await tokens.CreateAsync("automation", ApplianceRoles.Admin);

        Assert.StartsWith("apl_", token);
        Assert.Equal(new ApiTokenIdentity("automation", ApplianceRoles.Admin), await tokens.FindAsync(token));
        Assert.Null(await tokens.FindAsync(token + "x"));

        var databaseBytes = await File.ReadAllBytesAsync(fixture.Services.GetRequiredService<Hosting.DataDirectory>().DatabasePath);
        var walPath = fixture.Services.GetRequiredService<Hosting.DataDirectory>().DatabasePath + "-wal";
        var walBytes = File.Exists(walPath) ? await File.ReadAllBytesAsync(walPath) : [];
        var secret = System.Text.Encoding.UTF8.GetBytes(token);
        Assert.Equal(-1, databaseBytes.AsSpan().IndexOf(secret));
        Assert.Equal(-1, walBytes.AsSpan().IndexOf(secret));
    }

    [Fact]
    public async Task Unknown_roles_are_refused()
    {
        var tokens = fixture.Services.GetRequiredService<ApiTokenStore>();
        await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync("x", "Root"));
    }
}
