using System.Security.Cryptography;
using Appliance.Engine.Tls.Acme;

namespace Appliance.Web.Tests.Tls.Acme;

public sealed class AcmeNonceTests : IAsyncLifetime
{
    private PebbleServer _pebble = null!;

    public async Task InitializeAsync() => _pebble = await PebbleServer.StartAsync(nonceRejectPercent: 50);

    public async Task DisposeAsync() => await _pebble.DisposeAsync();

    [Fact]
    public async Task A_refused_nonce_is_retried_once_with_the_fresh_nonce_the_refusal_carries()
    {
        using var http = AcmeHttpClient.Create(new AcmeOptions { DirectoryUrl = _pebble.DirectoryUrl, TrustedRootFile = _pebble.TrustedRootFile });
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var client = new AcmeClient(http, new Uri(_pebble.DirectoryUrl), key);
        await client.LoadDirectoryAsync(CancellationToken.None);

        // Pebble refuses half of all good nonces, so a request fails only when both tries are refused.
        string? account = null;
        for (var attempt = 0; account is null && attempt < 8; attempt++)
        {
            try
            {
                account = await client.CreateAccountAsync("ops@example.test", CancellationToken.None);
            }
            catch (AcmeException ex) when (ex.ProblemType == AcmeException.BadNonce)
            {
            }
        }

        Assert.NotNull(account);
        int succeededAfterRetry = 0, refusedTwice = 0;
        for (var i = 0; i < 24; i++)
        {
            var retriesBefore = client.BadNonceRetries;
            try
            {
                await client.NewOrderAsync([$"n{i}.test"], CancellationToken.None);
                succeededAfterRetry += client.BadNonceRetries > retriesBefore ? 1 : 0;
            }
            catch (AcmeException ex)
            {
                // Only ever a second refusal, and only after exactly one retry.
                Assert.Equal(AcmeException.BadNonce, ex.ProblemType);
                Assert.Equal(retriesBefore + 1, client.BadNonceRetries);
                refusedTwice++;
            }
        }

        Assert.True(succeededAfterRetry > 0, $"No request succeeded on its retry ({refusedTwice} refused twice).");
        Assert.True(refusedTwice < 24);
    }
}
