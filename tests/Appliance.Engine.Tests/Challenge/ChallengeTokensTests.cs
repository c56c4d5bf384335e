using Appliance.Engine.Challenge;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Challenge;

/// <summary>Sealing, proofs, freshness and expiry of challenges and clearances, on a fake clock.</summary>
public sealed class ChallengeTokensTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-30T12:00:00Z"));
    private readonly EphemeralDataProtectionProvider _ring = new();

    [Fact]
    public void A_challenge_is_fresh_for_its_address_within_the_answer_window_only()
    {
        var tokens = new ChallengeTokens(_ring, _clock);
        var ticket = tokens.Open(tokens.Issue("192.0.2.1", 3, 60))!;

        Assert.True(tokens.IsFresh(ticket, "192.0.2.1"));
        Assert.False(tokens.IsFresh(ticket, "192.0.2.2"));
        _clock.Advance(ChallengeTokens.AnswerWindow + TimeSpan.FromSeconds(1));
        Assert.False(tokens.IsFresh(ticket, "192.0.2.1"));
    }

    [Fact]
    public void Only_a_counter_with_the_leading_zero_digits_is_a_proof()
    {
        var token = new ChallengeTokens(_ring, _clock).Issue("192.0.2.1", 3, 60);
        var counter = Enumerable.Range(0, 10_000_000).First(c => ChallengeTokens.IsProof(token, c.ToString(), 3));

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token + counter)));
        Assert.StartsWith("000", hash);
        Assert.False(ChallengeTokens.IsProof(token, "-1", 1));
        Assert.False(ChallengeTokens.IsProof(token, "", 1));
    }

    [Fact]
    public void A_clearance_holds_for_its_address_until_it_expires_and_a_challenge_is_no_clearance()
    {
        var tokens = new ChallengeTokens(_ring, _clock);
        var clearance = tokens.Clear("2001:db8::1", 60);

        Assert.True(tokens.IsCleared(clearance, "2001:db8::1"));
        Assert.False(tokens.IsCleared(clearance, "2001:db8::2"));
        Assert.False(tokens.IsCleared(tokens.Issue("2001:db8::1", 4, 60), "2001:db8::1"));
        Assert.False(tokens.IsCleared(new ChallengeTokens(new EphemeralDataProtectionProvider(), _clock).Clear("2001:db8::1", 60), "2001:db8::1"));
        Assert.False(tokens.IsCleared("not-sealed", "2001:db8::1"));
        _clock.Advance(TimeSpan.FromMinutes(60));
        Assert.False(tokens.IsCleared(clearance, "2001:db8::1"));
    }

    [Fact]
    public void A_nonce_is_used_once()
    {
        var used = new UsedChallenges(_clock);
        Assert.True(used.TryUse("n1", _clock.GetUtcNow().AddMinutes(6)));
        Assert.False(used.TryUse("n1", _clock.GetUtcNow().AddMinutes(6)));
        Assert.True(used.TryUse("n2", _clock.GetUtcNow().AddMinutes(6)));
    }
}
