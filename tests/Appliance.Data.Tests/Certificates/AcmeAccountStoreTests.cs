using Appliance.Data.Certificates;
using Appliance.Data.Tests.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Certificates;

public sealed class AcmeAccountStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private AcmeAccountStore Accounts => fixture.Services.GetRequiredService<AcmeAccountStore>();

    [Fact]
    public async Task An_account_round_trips_with_its_key_encrypted()
    {
        await Accounts.SaveAsync(new AcmeAccount("https://acme.test/kept", "https://acme.test/acct/1", "-----BEGIN PRIVATE KEY-----kept"), null);

        Assert.Equal("-----BEGIN PRIVATE KEY-----kept", (await Accounts.GetAsync("https://acme.test/kept"))!.KeyPem);
        Assert.DoesNotContain("kept", await StoredKeyAsync("https://acme.test/kept"));
    }

    [Fact]
    public async Task An_account_whose_key_the_ring_cannot_read_is_registered_anew_instead_of_failing_every_order()
    {
        await Accounts.SaveAsync(new AcmeAccount("https://acme.test/lost", "https://acme.test/acct/2", "-----BEGIN PRIVATE KEY-----lost"), null);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            // What a lost key ring looks like: a payload protected under a key this ring lacks.
            var foreign = new EphemeralDataProtectionProvider().CreateProtector("Appliance.PrivateKeys.v1").Protect("-----BEGIN PRIVATE KEY-----lost");
            await db.AcmeAccounts.Where(a => a.DirectoryUrl == "https://acme.test/lost")
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProtectedKey, foreign));
        }

        Assert.Null(await Accounts.GetAsync("https://acme.test/lost"));
        await Accounts.SaveAsync(new AcmeAccount("https://acme.test/lost", "https://acme.test/acct/3", "-----BEGIN PRIVATE KEY-----new"), null);
        Assert.Equal("https://acme.test/acct/3", (await Accounts.GetAsync("https://acme.test/lost"))!.AccountUrl);
    }

    private IDbContextFactory<ApplianceDbContext> Contexts => fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>();

    private async Task<string> StoredKeyAsync(string directoryUrl)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.AcmeAccounts.SingleAsync(a => a.DirectoryUrl == directoryUrl)).ProtectedKey;
    }
}
