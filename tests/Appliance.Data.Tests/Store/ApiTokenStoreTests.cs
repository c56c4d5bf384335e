using Appliance.Data.Model;
using Appliance.Data.Tokens;
using Appliance.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

public sealed class ApiTokenStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task A_token_is_found_by_its_value_and_only_its_hash_is_stored()
    {
        var tokens = fixture.Services.GetRequiredService<ApiTokenStore>();
        var token = (await tokens.CreateAsync(new ApiTokenRequest { Name = "automation", Role = ApplianceRoles.Admin }, Editor.Authorized("tester"))).Value!.Token;

        Assert.StartsWith("apl_", token);
        Assert.Equal(new ApiTokenIdentity("automation", ApplianceRoles.Admin), await tokens.FindAsync(token));
        Assert.Null(await tokens.FindAsync(token + "x"));

        if (StoreFixture.OnPostgres)
        {
            // Every column of every token row, as the server holds it.
            await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync();
            var rows = await db.Database.SqlQueryRaw<string>("SELECT row_to_json(t)::text AS \"Value\" FROM \"ApiTokens\" t").ToListAsync();
            Assert.NotEmpty(rows);
            Assert.DoesNotContain(rows, row => row.Contains(token, StringComparison.Ordinal));
            return;
        }

        var databaseBytes = await File.ReadAllBytesAsync(fixture.Services.GetRequiredService<Hosting.DataDirectory>().DatabasePath);
        var walPath = fixture.Services.GetRequiredService<Hosting.DataDirectory>().DatabasePath + "-wal";
        var walBytes = File.Exists(walPath) ? await File.ReadAllBytesAsync(walPath) : [];
        var secret = System.Text.Encoding.UTF8.GetBytes(token);
        Assert.Equal(-1, databaseBytes.AsSpan().IndexOf(secret));
        Assert.Equal(-1, walBytes.AsSpan().IndexOf(secret));
    }

    [Fact]
    public async Task Bad_names_and_unknown_roles_are_refused_with_field_messages()
    {
        var tokens = fixture.Services.GetRequiredService<ApiTokenStore>();
        var result = await tokens.CreateAsync(new ApiTokenRequest { Name = " ", Role = "Root" }, Editor.Authorized("tester"));
        Assert.Equal(Appliance.Data.Store.StoreStatus.Invalid, result.Status);
        Assert.Equal(["name", "role"], result.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_its_name_can_be_reused()
    {
        var tokens = fixture.Services.GetRequiredService<ApiTokenStore>();
        var created = (await tokens.CreateAsync(new ApiTokenRequest { Name = "rotate-me", Role = ApplianceRoles.Viewer }, Editor.Authorized("tester"))).Value!;
        Assert.Equal(Appliance.Data.Store.StoreStatus.Conflict, (await tokens.CreateAsync(new ApiTokenRequest { Name = "rotate-me" }, Editor.Authorized("tester"))).Status);

        Assert.Equal(Appliance.Data.Store.StoreStatus.Ok, (await tokens.RevokeAsync(created.Id, Editor.Authorized("tester"))).Status);
        Assert.Null(await tokens.FindAsync(created.Token));
        Assert.Equal(Appliance.Data.Store.StoreStatus.NotFound, (await tokens.RevokeAsync(created.Id, Editor.Authorized("tester"))).Status);
        Assert.Equal(Appliance.Data.Store.StoreStatus.Ok, (await tokens.CreateAsync(new ApiTokenRequest { Name = "rotate-me" }, Editor.Authorized("tester"))).Status);

        var listed = (await tokens.ListAsync()).Where(t => t.Name == "rotate-me").ToArray();
        Assert.Equal(2, listed.Length);
        Assert.NotNull(listed[0].RevokedAt);
        Assert.Null(listed[1].RevokedAt);
    }

    [Fact]
    public async Task An_editor_who_is_no_longer_an_admin_creates_and_revokes_no_token()
    {
        var users = fixture.Services.GetRequiredService<Appliance.Data.Users.UserStore>();
        var tokens = fixture.Services.GetRequiredService<ApiTokenStore>();
        Assert.True((await users.CreateAsync(new Appliance.Data.Users.NewUser { UserName = "token-viewer", Password = "correct horse battery", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        var existing = (await tokens.CreateAsync(new ApiTokenRequest { Name = "keep-me" }, Editor.Authorized("tester"))).Value!;

        foreach (var editor in new[] { Editor.SignedIn("token-viewer"), Editor.SignedIn("nobody-at-all") })
        {
            Assert.Equal(Appliance.Data.Store.StoreStatus.Forbidden, (await tokens.CreateAsync(new ApiTokenRequest { Name = "backdoor", Role = ApplianceRoles.Admin }, editor)).Status);
            Assert.Equal(Appliance.Data.Store.StoreStatus.Forbidden, (await tokens.RevokeAsync(existing.Id, editor)).Status);
        }

        Assert.DoesNotContain(await tokens.ListAsync(), t => t.Name == "backdoor");
        Assert.NotNull(await tokens.FindAsync(existing.Token));
    }
}
