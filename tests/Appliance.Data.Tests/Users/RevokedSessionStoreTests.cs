using Appliance.Data.Tests.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class RevokedSessionStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private RevokedSessionStore Sessions => fixture.Services.GetRequiredService<RevokedSessionStore>();

    [Fact]
    public async Task A_revoked_session_is_remembered_for_the_cookie_lifetime_and_then_forgotten()
    {
        var lifetime = TimeSpan.FromHours(8);
        await Sessions.RevokeAsync("session-a", lifetime);
        Assert.True(await Sessions.IsRevokedAsync("session-a"));
        Assert.False(await Sessions.IsRevokedAsync("session-b"));

        // Revoking twice is harmless.
        await Sessions.RevokeAsync("session-a", lifetime);

        fixture.Clock.Advance(lifetime - TimeSpan.FromMinutes(1));
        await Sessions.RevokeAsync("session-c", lifetime);
        Assert.True(await Sessions.IsRevokedAsync("session-a"));

        // Past its lifetime no cookie of session-a can be valid; the next revocation prunes it.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await Sessions.RevokeAsync("session-d", lifetime);
        Assert.False(await Sessions.IsRevokedAsync("session-a"));
        Assert.True(await Sessions.IsRevokedAsync("session-c"));
    }

    [Fact]
    public async Task Signing_out_of_one_session_several_times_at_once_succeeds_every_time()
    {
        // Two tabs pressing "sign out" together, or a double click: the second is no error. Each
        // round starts four sign-outs at one signal; several rounds, because a round only may land
        // in the window between a check and an insert.
        for (var round = 0; round < 20; round++)
        {
            var sessionId = $"together-{round}";
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var signOuts = Enumerable.Range(0, 4)
                .Select(_ => Task.Run(async () =>
                {
                    await start.Task;
                    await Sessions.RevokeAsync(sessionId, TimeSpan.FromHours(8));
                }))
                .ToArray();
            start.SetResult();
            await Task.WhenAll(signOuts);
            Assert.True(await Sessions.IsRevokedAsync(sessionId));
        }
    }
}
