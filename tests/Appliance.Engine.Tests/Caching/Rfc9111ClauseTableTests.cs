using Appliance.Data.Model;
using Appliance.Engine.Caching;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Tests.Caching;

/// <summary>
/// RFC 9111 (with RFC 9110's date grammar and RFC 9213's targeted fields) read clause by clause: one row per
/// requirement the cache meets, each storing a response the way the data plane does and then asking whether a
/// later request may reuse it. Rows are "fresh" (reusable without asking the origin), "stale" (stored, but the
/// origin is asked first) or "refused:detail" (never stored, with the Cache-Status detail that says why).
/// Departures from SHOULDs are in docs/cache-conformance.md; behaviour over a socket in the web tests.
/// </summary>
public sealed class Rfc9111ClauseTableTests
{
    private const string Now = "Mon, 01 Jan 2024 12:00:00 GMT";
    private const string TenMinutesOn = "Mon, 01 Jan 2024 12:10:00 GMT";
    private const string Past = "Sun, 31 Dec 2023 12:00:00 GMT";
    private const string TenDaysAgo = "Fri, 22 Dec 2023 12:00:00 GMT";
    private const string ThousandSecondsAgo = "Mon, 01 Jan 2024 11:43:20 GMT";

    [Theory]
    // §3: what must not be stored
    [InlineData("9111 §3 (MUST NOT store): no-store in the response", "follow", 200, "Cache-Control: no-store, max-age=600", "", 0, "refused:no-store")]
    [InlineData("9111 §3 (MUST NOT store): no-store in the request", "follow", 200, "Cache-Control: max-age=600", "Cache-Control: no-store", 0, "refused:request-no-store")]
    [InlineData("9111 §3, §5.2.2.7 (shared MUST NOT store): private", "follow", 200, "Cache-Control: private, max-age=600", "", 0, "refused:private")]
    [InlineData("9111 §3.3 (MAY not combine; not stored here): a 206 part", "follow", 206, "Cache-Control: max-age=600 | Content-Range: bytes 0-1/10", "", 0, "refused:partial-content")]
    [InlineData("9111 §3.5 (shared MUST NOT reuse): an answer to Authorization without public, s-maxage or must-revalidate", "follow", 200, "Cache-Control: max-age=600", "Authorization: Basic eDp5", 0, "refused:request-authorization")]
    [InlineData("9111 §3.5: public lets an answer to Authorization be shared", "follow", 200, "Cache-Control: public, max-age=600", "Authorization: Basic eDp5", 60, "fresh")]
    [InlineData("9111 §3 (MUST NOT store without freshness, validator or heuristic): nothing said", "follow", 200, "Content-Type: text/plain", "", 0, "refused:no-freshness")]
    // §4.2.1: the freshness lifetime
    [InlineData("9111 §4.2.1 (shared): s-maxage over max-age", "follow", 200, "Cache-Control: max-age=1, s-maxage=600", "", 60, "fresh")]
    [InlineData("9111 §4.2.1, §5.3 (MUST ignore Expires): max-age over Expires", "follow", 200, "Cache-Control: max-age=1 | Expires: " + TenMinutesOn, "", 60, "stale")]
    [InlineData("9111 §4.2.1: Expires minus Date, fresh within it", "follow", 200, "Expires: " + TenMinutesOn, "", 60, "fresh")]
    [InlineData("9111 §4.2.1: Expires minus Date, stale past it", "follow", 200, "Expires: " + TenMinutesOn, "", 700, "stale")]
    [InlineData("9111 §5.3 (MUST treat invalid Expires as expired): 0", "follow", 200, "Expires: 0", "", 0, "stale")]
    // RFC 9110 §5.6.7: HTTP-dates, the three forms and nothing else
    [InlineData("9110 §5.6.7: the obsolete RFC 850 form is a date", "follow", 200, "Expires: Monday, 01-Jan-24 12:10:00 GMT", "", 60, "fresh")]
    [InlineData("9110 §5.6.7: asctime's form is a date", "follow", 200, "Expires: Mon Jan  1 12:10:00 2024", "", 60, "fresh")]
    [InlineData("9111 §4.2: a date's names match case-insensitively", "follow", 200, "Expires: mon, 01 jan 2024 12:10:00 gmt", "", 60, "fresh")]
    [InlineData("9110 §5.6.7, 9111 §5.3: UTC is not GMT, so already expired", "follow", 200, "Expires: Mon, 01 Jan 2024 12:10:00 UTC", "", 0, "stale")]
    [InlineData("9110 §5.6.7, 9111 §5.3: a one-digit hour is invalid, so already expired", "follow", 200, "Expires: Mon, 01 Jan 2024 2:10:00 GMT", "", 0, "stale")]
    [InlineData("9110 §5.6.7, 9111 §5.3: a two-digit year in IMF-fixdate is invalid", "follow", 200, "Expires: Mon, 01 Jan 24 12:10:00 GMT", "", 0, "stale")]
    [InlineData("9110 §5.6.7, 9111 §5.3: ISO 8601 is no HTTP-date", "follow", 200, "Expires: 2024-01-01T12:10:00Z", "", 0, "stale")]
    [InlineData("9110 §5.6.7, 9111 §5.3: a missing comma makes it invalid", "follow", 200, "Expires: Mon 01 Jan 2024 12:10:00 GMT", "", 0, "stale")]
    [InlineData("9110 §5.6.7, 9111 §5.3: two spaces make it invalid", "follow", 200, "Expires: Mon, 01 Jan 2024  12:10:00 GMT", "", 0, "stale")]
    [InlineData("9110 §5.6.7, 9111 §5.3: a time zone name is invalid", "follow", 200, "Expires: Mon, 01 Jan 2024 12:10:00 AEST", "", 0, "stale")]
    // §4.2.3 and §5.1: Age
    [InlineData("9111 §4.2.3: the Age it arrived with counts", "follow", 200, "Cache-Control: max-age=600 | Age: 700", "", 0, "stale")]
    [InlineData("9111 §5.1: of a list, the first member counts", "follow", 200, "Cache-Control: max-age=600 | Age: 0, 7200", "", 60, "fresh")]
    [InlineData("9111 §5.1: of two field lines, the first counts", "follow", 200, "Cache-Control: max-age=600 | Age: 0 | Age: 7200", "", 60, "fresh")]
    [InlineData("9111 §5.1 (invalid is ignored): a negative Age", "follow", 200, "Cache-Control: max-age=600 | Age: -7200", "", 60, "fresh")]
    [InlineData("9111 §5.1 (invalid is ignored): a fractional Age", "follow", 200, "Cache-Control: max-age=600 | Age: 7200.5", "", 60, "fresh")]
    [InlineData("9111 §5.1 (invalid is ignored): a non-numeric Age", "follow", 200, "Cache-Control: max-age=600 | Age: old", "", 60, "fresh")]
    [InlineData("9111 §1.2.2: an Age beyond 2^31 is 2^31, far past any lifetime", "follow", 200, "Cache-Control: max-age=600 | Age: 99999999999", "", 0, "stale")]
    // §4.2.2: heuristic freshness
    [InlineData("9111 §4.2.2: 10 % of the time since Last-Modified, within it", "heuristic=86400", 200, "Last-Modified: " + ThousandSecondsAgo, "", 60, "fresh")]
    [InlineData("9111 §4.2.2: 10 % of the time since Last-Modified, past it", "heuristic=86400", 200, "Last-Modified: " + ThousandSecondsAgo, "", 120, "stale")]
    [InlineData("9111 §4.2.2: capped by the rule", "heuristic=600", 200, "Last-Modified: " + TenDaysAgo, "", 700, "stale")]
    [InlineData("9111 §4.2.2: off unless the rule allows it", "follow", 200, "Last-Modified: " + TenDaysAgo, "", 0, "refused:no-freshness")]
    [InlineData("9111 §4.2.2 (MUST NOT use heuristics when explicit): max-age wins", "heuristic=86400", 200, "Cache-Control: max-age=1 | Last-Modified: " + TenDaysAgo, "", 60, "stale")]
    [InlineData("9111 §4.2.2, 9110 §15.1: only statuses heuristically cacheable", "heuristic=86400", 302, "Location: /b | Last-Modified: " + TenDaysAgo, "", 0, "refused:status")]
    [InlineData("9111 §4.2.2: an invalid Last-Modified gives no heuristic", "heuristic=86400", 200, "Last-Modified: last week", "", 0, "refused:no-freshness")]
    [InlineData("9111 §4.2.2: the heuristic comes before the rule's default TTL", "heuristic=60,ttl=3600", 200, "Last-Modified: " + TenDaysAgo, "", 120, "stale")]
    // §5.2.1: request directives
    [InlineData("9111 §5.2.1.1: a request's max-age refuses an older response", "follow", 200, "Cache-Control: max-age=600", "Cache-Control: max-age=30", 60, "stale")]
    [InlineData("9111 §5.2.1.3: min-fresh refuses one too close to stale", "follow", 200, "Cache-Control: max-age=600", "Cache-Control: min-fresh=600", 60, "stale")]
    [InlineData("9111 §5.2.1.2: max-stale accepts a stale response", "follow", 200, "Cache-Control: max-age=10", "Cache-Control: max-stale=120", 60, "fresh")]
    [InlineData("9111 §5.2.1.4: a request's no-cache forces validation", "follow", 200, "Cache-Control: max-age=600", "Cache-Control: no-cache", 60, "stale")]
    [InlineData("9111 §5.4: Pragma: no-cache without Cache-Control is no-cache", "follow", 200, "Cache-Control: max-age=600", "Pragma: no-cache", 60, "stale")]
    // §5.2.2: response directives
    [InlineData("9111 §5.2.2.2 (MUST NOT serve stale): must-revalidate beats max-stale", "follow", 200, "Cache-Control: max-age=10, must-revalidate", "Cache-Control: max-stale=120", 60, "stale")]
    [InlineData("9111 §5.2.2.8 (shared MUST NOT serve stale): proxy-revalidate beats max-stale", "follow", 200, "Cache-Control: max-age=10, proxy-revalidate", "Cache-Control: max-stale=120", 60, "stale")]
    [InlineData("9111 §5.2.2.10: s-maxage implies proxy-revalidate", "follow", 200, "Cache-Control: s-maxage=10", "Cache-Control: max-stale=120", 60, "stale")]
    [InlineData("9111 §5.2.2.4 (MUST NOT use without validation): no-cache", "follow", 200, "Cache-Control: no-cache | ETag: \"a\"", "", 0, "stale")]
    // RFC 9213: targeted fields
    [InlineData("9213 §2.2: CDN-Cache-Control over a shorter Cache-Control", "follow", 200, "Cache-Control: max-age=1 | CDN-Cache-Control: max-age=600", "", 60, "fresh")]
    [InlineData("9213 §2.2 (MUST): a short CDN-Cache-Control over a longer Cache-Control", "follow", 200, "Cache-Control: max-age=600 | CDN-Cache-Control: max-age=1", "", 60, "stale")]
    [InlineData("9213 §2.2 (MUST ignore Expires): CDN-Cache-Control over a past Expires", "follow", 200, "CDN-Cache-Control: max-age=600 | Expires: " + Past, "", 60, "fresh")]
    [InlineData("9213 §2.2 (MUST ignore Cache-Control): its no-store is not this cache's", "follow", 200, "Cache-Control: no-store | CDN-Cache-Control: max-age=600", "", 60, "fresh")]
    [InlineData("9213 §2.2: CDN-Cache-Control's private", "follow", 200, "Cache-Control: max-age=600 | CDN-Cache-Control: private", "", 0, "refused:private")]
    [InlineData("9213 §2.2: CDN-Cache-Control's no-store", "follow", 200, "Cache-Control: max-age=600 | CDN-Cache-Control: no-store", "", 0, "refused:no-store")]
    [InlineData("9213 §2.2: CDN-Cache-Control's no-cache", "follow", 200, "Cache-Control: max-age=600 | CDN-Cache-Control: no-cache | ETag: \"a\"", "", 0, "stale")]
    [InlineData("9213 §2.2: CDN-Cache-Control's max-age=0", "follow", 200, "Expires: " + TenMinutesOn + " | CDN-Cache-Control: max-age=0", "", 0, "stale")]
    [InlineData("9213 §2.2: an extension directive beside max-age", "follow", 200, "CDN-Cache-Control: foobar, max-age=600", "", 60, "fresh")]
    [InlineData("9213 §2.1: a max-age beyond 2^31", "follow", 200, "CDN-Cache-Control: max-age=99999999999", "", 60, "fresh")]
    [InlineData("9213 §2.1 (invalid is ignored): a space before =, so Cache-Control decides", "follow", 200, "Cache-Control: max-age=1 | CDN-Cache-Control: max-age =600", "", 60, "stale")]
    [InlineData("9213 §2.1 (invalid is ignored): a space after =", "follow", 200, "Cache-Control: max-age=1 | CDN-Cache-Control: max-age= 600", "", 60, "stale")]
    [InlineData("9213 §2.1 (invalid is ignored): upper case is no structured key", "follow", 200, "Cache-Control: max-age=1 | CDN-Cache-Control: Max-Age=600", "", 60, "stale")]
    [InlineData("9213 §2.1 (invalid is ignored): a value of the wrong type", "follow", 200, "Cache-Control: no-store | CDN-Cache-Control: max-age=\"600\"", "", 0, "refused:no-store")]
    [InlineData("9213 §2.1: a boolean-valued directive (?1) counts, ?0 does not", "follow", 200, "CDN-Cache-Control: max-age=600, no-store=?0, private=?1", "", 0, "refused:private")]
    [InlineData("9213 §2.1 (invalid is ignored): a trailing comma", "follow", 200, "Cache-Control: max-age=1 | CDN-Cache-Control: max-age=600,", "", 60, "stale")]
    [InlineData("9213 §2.2: the appliance's own field comes first in the target list", "follow", 200, "CDN-Cache-Control: max-age=1 | Appliance-Cache-Control: max-age=600", "", 60, "fresh")]
    [InlineData("9213 §2.2: and its no-store keeps the response out whatever CDN-Cache-Control says", "follow", 200, "CDN-Cache-Control: max-age=600 | Appliance-Cache-Control: no-store", "", 0, "refused:no-store")]
    [InlineData("9213 §2.2: an own field that is invalid gives way to CDN-Cache-Control", "follow", 200, "CDN-Cache-Control: max-age=600 | Appliance-Cache-Control: max-age=\"1", "", 60, "fresh")]
    [InlineData("9213 §2.2: a later duplicate in a structured dictionary wins", "follow", 200, "CDN-Cache-Control: max-age=1, max-age=600", "", 60, "fresh")]
    public void Each_clause_holds(string clause, string rule, int status, string responseHeaders, string requestHeaders, int laterSeconds, string expected)
    {
        Assert.False(string.IsNullOrWhiteSpace(clause));
        var response = HeaderLines.Parse(responseHeaders);
        if (StringValues.IsNullOrEmpty(response.Date))
        {
            response.Date = Now;
        }

        var request = HeaderLines.Parse(requestHeaders);
        var requestDirectives = CacheDirectives.Parse(request.CacheControl, request.Pragma);
        var stored = StoredEntries.Now;
        var entry = CacheStoragePolicy.CreateEntry(
            status, response, request, Rule(rule), requestDirectives, "http://example.test/a", [1], stored, stored,
            hasAuthorization: !StringValues.IsNullOrEmpty(request.Authorization), out var refusal);

        var outcome = entry is null ? $"refused:{refusal}"
            : CacheFreshness.IsFreshEnough(entry, requestDirectives, stored.AddSeconds(laterSeconds)) ? "fresh" : "stale";
        Assert.Equal(expected, outcome);
    }

    // "follow", "heuristic=N", "ttl=N", or both joined by a comma.
    private static CacheRulePlan Rule(string rule)
    {
        var spec = new CacheRuleSpec { Name = "r", Mode = CacheModes.FollowOrigin };
        foreach (var part in rule.Split(','))
        {
            var (name, value) = part.Split('=') is [var n, var v] ? (n, int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)) : (part, 0);
            spec = name switch
            {
                "heuristic" => spec with { HeuristicMaxSeconds = value },
                "ttl" => spec with { Mode = CacheModes.DefaultTtl, DefaultTtlSeconds = value },
                _ => spec,
            };
        }

        return new CacheRulePlan(spec);
    }
}
