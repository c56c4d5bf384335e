using Appliance.Data.Cluster;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Cluster;

/// <summary>Challenge answers in the database on the provider under test: found until withdrawn or expired.</summary>
public sealed class AcmeChallengeStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private AcmeChallengeStore Challenges => fixture.Services.GetRequiredService<AcmeChallengeStore>();

    [Fact]
    public async Task An_answer_is_found_by_type_and_key_until_withdrawn()
    {
        var until = fixture.Clock.GetUtcNow().AddMinutes(3);
        await Challenges.PutAsync(AcmeChallengeStore.Http01, "token-1", "token-1.thumb", until);
        await Challenges.PutAsync(AcmeChallengeStore.TlsAlpn01, "token-1", "other", until);

        Assert.Equal("token-1.thumb", await Challenges.FindAsync(AcmeChallengeStore.Http01, "token-1"));
        Assert.Equal("other", await Challenges.FindAsync(AcmeChallengeStore.TlsAlpn01, "token-1"));
        Assert.True(await Challenges.AnyLiveAsync());

        // Published again (a retried order): replaced, not duplicated.
        await Challenges.PutAsync(AcmeChallengeStore.Http01, "token-1", "token-1.newer", until);
        Assert.Equal("token-1.newer", await Challenges.FindAsync(AcmeChallengeStore.Http01, "token-1"));

        await Challenges.RemoveAsync(AcmeChallengeStore.Http01, "token-1");
        await Challenges.RemoveAsync(AcmeChallengeStore.TlsAlpn01, "token-1");
        Assert.Null(await Challenges.FindAsync(AcmeChallengeStore.Http01, "token-1"));
        Assert.False(await Challenges.AnyLiveAsync());
    }

    [Fact]
    public async Task An_expired_answer_is_neither_found_nor_counted_as_live()
    {
        await Challenges.PutAsync(AcmeChallengeStore.Http01, "lapsing", "lapsing.thumb", fixture.Clock.GetUtcNow().AddMinutes(1));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(await Challenges.FindAsync(AcmeChallengeStore.Http01, "lapsing"));
        Assert.False(await Challenges.AnyLiveAsync());
    }
}
