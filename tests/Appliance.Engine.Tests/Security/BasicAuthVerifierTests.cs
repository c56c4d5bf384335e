using System.Net;
using System.Text;
using Appliance.Data.Model;
using Appliance.Data.Passwords;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Security.Shield;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security;

/// <summary>
/// Guessing against basic auth, as a flood does it: requests in parallel, on dedicated threads
/// released together so that they truly overlap. A wrong guess answers Refused only after its
/// password hash was computed, so Refused outcomes count the hashes a guesser made the CPU pay.
/// </summary>
public sealed class BasicAuthVerifierTests
{
    private const string Password = "correct horse battery";

    private static readonly CompiledAccessList Staff = new(new AccessListSpec
    {
        Name = "staff",
        BasicAuthUsers = [new BasicAuthUserSpec { User = "ops", PasswordHash = PasswordHashes.Hash(Password) }],
    });

    [Fact]
    public void Forty_parallel_wrong_guesses_from_one_address_cost_no_more_hashes_than_the_failures_allowed()
    {
        var verifier = Verifier(maxFailures: 3, maxConcurrent: 4);
        var client = IPAddress.Parse("198.51.100.1");

        var outcomes = InParallel(Enumerable.Range(0, 40).Select(i => (client, $"ops:wrong guess {i}")).ToArray(), verifier);

        var hashes = outcomes.Count(o => o == BasicAuthOutcome.Refused);
        Assert.InRange(hashes, 1, 3);
        Assert.All(outcomes, o => Assert.True(o is BasicAuthOutcome.Refused or BasicAuthOutcome.Throttled, o.ToString()));

        // On a loaded machine some guesses give up waiting for the address's turn before any hash
        // (Throttled, not counted); what is left of the allowance is spent one guess at a time.
        for (var late = hashes; late < 3; late++)
        {
            Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, client, $"ops:late wrong guess {late}"));
        }

        Assert.Equal(BasicAuthOutcome.Throttled, Verify(verifier, client, "ops:" + Password));
    }

    [Fact]
    public void One_address_never_has_more_than_one_hash_computed_at_once()
    {
        var verifier = Verifier(maxFailures: 0, maxConcurrent: 4);
        var client = IPAddress.Parse("198.51.100.6");

        var outcomes = InParallel(Enumerable.Range(0, 20).Select(i => (client, $"ops:wrong guess {i}")).ToArray(), verifier);

        // Those still waiting for the address's turn when it ran out are told to come back later.
        Assert.All(outcomes, o => Assert.True(o is BasicAuthOutcome.Refused or BasicAuthOutcome.Throttled, o.ToString()));
        Assert.Equal(1, verifier.PeakVerifications);
    }

    [Fact]
    public void While_one_address_floods_another_still_gets_a_slot()
    {
        // Never throttled, so the flood keeps every guess coming; two slots for all routes.
        var verifier = Verifier(maxFailures: 0, maxConcurrent: 2);
        var flooder = IPAddress.Parse("198.51.100.2");
        var owner = IPAddress.Parse("198.51.100.3");
        var requests = Enumerable.Range(0, 20).Select(i => (flooder, $"ops:wrong guess {i}")).Append((owner, "ops:" + Password)).ToArray();

        var outcomes = InParallel(requests, verifier);

        Assert.Equal(BasicAuthOutcome.Authorized, outcomes[^1]);
        Assert.InRange(verifier.PeakVerifications, 1, 2);
    }

    [Fact]
    public void Addresses_of_one_IPv6_64_are_counted_together_and_an_IPv4_mapped_address_as_its_IPv4()
    {
        var verifier = Verifier(maxFailures: 3, maxConcurrent: 1);

        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, IPAddress.Parse("2001:db8:0:1::1"), "ops:guess 1"));
        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, IPAddress.Parse("2001:db8:0:1::2"), "ops:guess 2"));
        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, IPAddress.Parse("2001:db8:0:1:ffff:ffff:ffff:ffff"), "ops:guess 3"));
        Assert.Equal(BasicAuthOutcome.Throttled, Verify(verifier, IPAddress.Parse("2001:db8:0:1:abcd::9"), "ops:" + Password));
        Assert.Equal(BasicAuthOutcome.Authorized, Verify(verifier, IPAddress.Parse("2001:db8:0:2::1"), "ops:" + Password));

        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, IPAddress.Parse("::ffff:198.51.100.4"), "ops:guess 1"));
        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, IPAddress.Parse("198.51.100.4"), "ops:guess 2"));
        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, IPAddress.Parse("::ffff:198.51.100.4"), "ops:guess 3"));
        Assert.Equal(BasicAuthOutcome.Throttled, Verify(verifier, IPAddress.Parse("198.51.100.4"), "ops:" + Password));
    }

    [Fact]
    public void A_right_password_forgives_its_attempt_so_an_owner_who_signs_in_often_is_never_blocked()
    {
        var clock = new FakeTimeProvider();
        var verifier = Verifier(maxFailures: 3, maxConcurrent: 1, clock);
        var owner = IPAddress.Parse("198.51.100.5");

        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, owner, "ops:a typo"));
        Assert.Equal(BasicAuthOutcome.Refused, Verify(verifier, owner, "ops:another typo"));
        for (var i = 0; i < 5; i++)
        {
            // Past the remembered five minutes, so every one is hashed and counted again.
            clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(BasicAuthOutcome.Authorized, Verify(verifier, owner, "ops:" + Password));
        }
    }

    [Fact]
    public void No_more_password_hashes_run_at_once_than_the_bound_allows()
    {
        var verifier = Verifier(maxFailures: 0, maxConcurrent: 1);

        var outcomes = InParallel(Enumerable.Range(0, 6).Select(i => (IPAddress.Parse($"198.51.100.{i + 10}"), $"ops:wrong guess {i}")).ToArray(), verifier);

        Assert.All(outcomes, o => Assert.True(o is BasicAuthOutcome.Refused or BasicAuthOutcome.Busy));
        Assert.Equal(1, verifier.PeakVerifications);
        Assert.Equal(0, verifier.RunningVerifications);
    }

    private static BasicAuthVerifier Verifier(int maxFailures, int maxConcurrent, TimeProvider? clock = null) =>
        new(clock ?? TimeProvider.System, new ProxyOptions
        {
            BasicAuth = new BasicAuthOptions { MaxFailures = maxFailures, MaxConcurrentVerifications = maxConcurrent, FailureWindowSeconds = 600 },
        });

    private static BasicAuthOutcome Verify(BasicAuthVerifier verifier, IPAddress client, string credentials) =>
        verifier.VerifyAsync(Request(credentials), Staff, client, CancellationToken.None).AsTask().GetAwaiter().GetResult().Outcome;

    private static HttpRequest Request(string credentials)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        return request;
    }

    private static BasicAuthOutcome[] InParallel((IPAddress Client, string Credentials)[] requests, BasicAuthVerifier verifier)
    {
        using var start = new ManualResetEventSlim();
        var outcomes = new BasicAuthOutcome[requests.Length];
        var threads = requests.Select((r, i) => new Thread(() =>
        {
            start.Wait();
            outcomes[i] = Verify(verifier, r.Client, r.Credentials);
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        start.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        return outcomes;
    }
}
