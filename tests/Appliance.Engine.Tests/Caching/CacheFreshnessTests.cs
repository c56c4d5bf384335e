using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheFreshnessTests
{
    // Each row: the stored response's age and lifetime in seconds, its Cache-Control, the request's Cache-Control.
    [Theory]
    [InlineData("9111 §4.2: fresh while the lifetime exceeds the age", 10, 60, "", "", true)]
    [InlineData("9111 §4.2: stale once the age reaches the lifetime", 60, 60, "", "", false)]
    [InlineData("9111 §5.2.2.4: a no-cache response is not reused without validation", 0, 60, "no-cache", "", false)]
    [InlineData("9111 §5.2.1.4: a request's no-cache asks for validation", 0, 60, "", "no-cache", false)]
    [InlineData("9111 §5.2.1.1: a request's max-age refuses an older response", 30, 60, "", "max-age=10", false)]
    [InlineData("9111 §5.2.1.1: a request's max-age takes a response exactly that old", 10, 60, "", "max-age=10", true)]
    [InlineData("9111 §5.2.1.1: max-age=0 refuses anything older than now", 1, 60, "", "max-age=0", false)]
    [InlineData("9111 §5.2.1.3: min-fresh refuses a response fresh for less than that", 50, 60, "", "min-fresh=20", false)]
    [InlineData("9111 §5.2.1.3: min-fresh takes a response fresh for longer", 30, 60, "", "min-fresh=20", true)]
    [InlineData("9111 §5.2.1.2: max-stale without a value takes any staleness", 600, 60, "", "max-stale", true)]
    [InlineData("9111 §5.2.1.2: max-stale=30 takes a response 30 s stale", 90, 60, "", "max-stale=30", true)]
    [InlineData("9111 §5.2.1.2: max-stale=30 refuses one 31 s stale", 91, 60, "", "max-stale=30", false)]
    [InlineData("9111 §5.2.2.2: must-revalidate forbids serving stale even to max-stale", 90, 60, "must-revalidate", "max-stale", false)]
    [InlineData("9111 §5.2.2.8: proxy-revalidate forbids it in a shared cache", 90, 60, "proxy-revalidate", "max-stale", false)]
    [InlineData("9111 §5.2.2.10: s-maxage implies proxy-revalidate, so no stale to max-stale", 90, 60, "s-maxage=60", "max-stale", false)]
    [InlineData("9111 §5.2.2.10: a fresh s-maxage response is served as any other", 30, 60, "s-maxage=60", "max-stale", true)]
    public void A_stored_response_answers_when_fresh_enough_for_the_request(
        string clause, int age, int lifetime, string responseCacheControl, string requestCacheControl, bool answers)
    {
        _ = clause;
        var stored = StoredEntries.Aged(age, lifetime, responseCacheControl);

        Assert.Equal(answers, CacheFreshness.IsFreshEnough(stored, CacheDirectives.Parse(requestCacheControl), StoredEntries.Now));
    }

    [Theory]
    [InlineData("5861 §3: within stale-while-revalidate the stale response answers", 70, 60, "stale-while-revalidate=30", "", true)]
    [InlineData("5861 §3: the window's last second still counts", 90, 60, "stale-while-revalidate=30", "", true)]
    [InlineData("5861 §3: past the window it does not", 91, 60, "stale-while-revalidate=30", "", false)]
    [InlineData("5861 §3: without the directive there is no window", 70, 60, "", "", false)]
    [InlineData("9111 §5.2.2.2: must-revalidate closes the window", 70, 60, "must-revalidate, stale-while-revalidate=30", "", false)]
    [InlineData("9111 §5.2.1.4: a request's no-cache closes the window", 70, 60, "stale-while-revalidate=30", "no-cache", false)]
    [InlineData("9111 §5.2.2.4: a no-cache response is validated before it is reused", 10, 0, "no-cache, stale-while-revalidate=30", "", false)]
    [InlineData("9111 §5.2.1.1: a request's max-age=0 does not take a stale response", 70, 60, "stale-while-revalidate=30", "max-age=0", false)]
    [InlineData("9111 §5.2.1.1: nor does any max-age without max-stale: the client wants nothing stale", 70, 60, "stale-while-revalidate=30", "max-age=600", false)]
    [InlineData("9111 §5.2.1.1, §5.2.1.2: max-age with max-stale takes one young enough", 70, 60, "stale-while-revalidate=30", "max-age=600, max-stale", true)]
    [InlineData("9111 §5.2.1.1: but not one older than max-age, max-stale or not", 70, 60, "stale-while-revalidate=30", "max-age=65, max-stale", false)]
    [InlineData("9111 §5.2.1.3: min-fresh asks for a fresh response", 70, 60, "stale-while-revalidate=30", "min-fresh=0", false)]
    [InlineData("9111 §5.2.2.10: s-maxage implies proxy-revalidate, the most restrictive wins (§4.2.1)", 70, 60, "s-maxage=60, stale-while-revalidate=30", "", false)]
    public void Within_stale_while_revalidate_the_stale_response_answers_while_the_origin_is_asked(
        string clause, int age, int lifetime, string responseCacheControl, string requestCacheControl, bool answers)
    {
        _ = clause;
        var stored = StoredEntries.Aged(age, lifetime, responseCacheControl);

        Assert.Equal(answers, CacheFreshness.MayServeWhileRevalidating(stored, CacheDirectives.Parse(requestCacheControl), StoredEntries.Now));
    }

    [Theory]
    [InlineData("5861 §4: within stale-if-error the stale response hides the failure", 100, 60, "stale-if-error=60", "", true)]
    [InlineData("5861 §4: past the window the failure shows", 121, 60, "stale-if-error=60", "", false)]
    [InlineData("5861 §4: without the directive the failure shows", 100, 60, "", "", false)]
    [InlineData("5861 §4: the request's stale-if-error widens the response's", 100, 60, "stale-if-error=10", "stale-if-error=60", true)]
    [InlineData("5861 §4: the request's stale-if-error narrows the response's", 100, 60, "stale-if-error=600", "stale-if-error=10", false)]
    [InlineData("5861 §4: the request's stale-if-error alone is enough", 100, 60, "", "stale-if-error=60", true)]
    [InlineData("9111 §5.2.2.2: must-revalidate forbids it", 100, 60, "must-revalidate, stale-if-error=60", "", false)]
    [InlineData("9111 §4.2.4: so does no-cache: no use without validation", 100, 60, "no-cache, stale-if-error=60", "", false)]
    [InlineData("9111 §4.2.4: even when the request asks for stale-if-error", 100, 60, "no-cache", "stale-if-error=600", false)]
    [InlineData("9111 §5.2.2.8: so does proxy-revalidate", 100, 60, "proxy-revalidate, stale-if-error=60", "", false)]
    [InlineData("9111 §5.2.2.10: so does s-maxage, which implies proxy-revalidate", 100, 60, "s-maxage=60, stale-if-error=60", "", false)]
    [InlineData("9111 §5.2.2.10: even when the request asks for stale-if-error", 100, 60, "s-maxage=60", "stale-if-error=600", false)]
    public void Within_stale_if_error_a_stale_response_stands_in_for_a_failing_origin(
        string clause, int age, int lifetime, string responseCacheControl, string requestCacheControl, bool answers)
    {
        _ = clause;
        var stored = StoredEntries.Aged(age, lifetime, responseCacheControl);

        Assert.Equal(answers, CacheFreshness.MayServeStaleOnError(stored, CacheDirectives.Parse(requestCacheControl), StoredEntries.Now));
    }

    [Theory]
    [InlineData("5861 §4: 500 is an error", 500, false, true)]
    [InlineData("5861 §4: 502 is an error", 502, false, true)]
    [InlineData("5861 §4: 503 is an error", 503, false, true)]
    [InlineData("5861 §4: 504 is an error", 504, false, true)]
    [InlineData("5861 §4: no answer from the origin is an error whatever the status says", 200, true, true)]
    [InlineData("5861 §4: 404 is an answer", 404, false, false)]
    [InlineData("5861 §4: 200 is an answer", 200, false, false)]
    [InlineData("5861 §4: only 500, 502, 503 and 504 are errors; 501 is an answer", 501, false, false)]
    [InlineData("5861 §4: so is 505", 505, false, false)]
    [InlineData("5861 §4: so is 507", 507, false, false)]
    public void The_origin_failed_when_it_gave_no_answer_or_an_error(string clause, int status, bool forwarderError, bool failed)
    {
        _ = clause;
        Assert.Equal(failed, CacheFreshness.OriginFailed(status, forwarderError));
    }

    [Theory]
    [InlineData("9211 §2.4: ttl is the remaining freshness lifetime in seconds", 10, 60, 50)]
    [InlineData("9211 §2.4: ttl is 0 at the moment a response goes stale", 60, 60, 0)]
    [InlineData("9211 §2.4: a stale response has a negative ttl", 100, 60, -40)]
    public void Ttl_is_the_remaining_freshness(string clause, int age, int lifetime, long ttl)
    {
        _ = clause;
        Assert.Equal(ttl, CacheFreshness.Ttl(StoredEntries.Aged(age, lifetime), StoredEntries.Now));
    }

    [Theory]
    [InlineData("9111 §4.2: fresh while the lifetime exceeds the age", 10, 60, "", true)]
    [InlineData("9111 §4.2: stale once the age reaches it", 60, 60, "", false)]
    [InlineData("9111 §5.2.2.4: a no-cache entry, kept with a lifetime of 0, is never fresh", 0, 0, "no-cache", false)]
    public void An_entry_is_fresh_by_the_origins_word_alone(string clause, int age, int lifetime, string responseCacheControl, bool fresh)
    {
        _ = clause;
        Assert.Equal(fresh, CacheFreshness.IsFresh(StoredEntries.Aged(age, lifetime, responseCacheControl), StoredEntries.Now));
    }
}
