using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class FreshnessLifetimeTests
{
    private const string Date = "Sun, 06 Nov 1994 08:49:37 GMT";
    private const string TenMinutesLater = "Sun, 06 Nov 1994 08:59:37 GMT";
    private const string TenMinutesEarlier = "Sun, 06 Nov 1994 08:39:37 GMT";

    [Theory]
    [InlineData("9111 §5.2.2.1: max-age gives the lifetime", "max-age=60", null, 60L)]
    [InlineData("9111 §5.2.2.1: max-age=0 is a lifetime of zero", "max-age=0", null, 0L)]
    [InlineData("9111 §5.2.2.10: a shared cache takes s-maxage over max-age", "max-age=60, s-maxage=120", null, 120L)]
    [InlineData("9111 §5.2.2.10: s-maxage=0 wins over a longer max-age", "max-age=600, s-maxage=0", null, 0L)]
    [InlineData("9111 §5.3: max-age wins over Expires", "max-age=60", TenMinutesLater, 60L)]
    [InlineData("9111 §5.3: s-maxage wins over Expires", "s-maxage=30", TenMinutesLater, 30L)]
    [InlineData("9111 §4.2.1: Expires − Date", "", TenMinutesLater, 600L)]
    [InlineData("9111 §4.2.1: an Expires before Date gives a lifetime of 0, never less", "", TenMinutesEarlier, 0L)]
    [InlineData("9111 §5.3: an invalid Expires such as 0 means already expired", "", "0", 0L)]
    [InlineData("9111 §5.3: an Expires that is not an HTTP-date means already expired", "", "tomorrow", 0L)]
    [InlineData("9111 §5.3: Expires with other directives but no max-age still counts", "public", TenMinutesLater, 600L)]
    [InlineData("9111 §4.2.2: nothing explicit gives no lifetime (no heuristics here)", "", null, null)]
    [InlineData("9111 §4.2.2: public alone gives no lifetime without heuristics", "public", null, null)]
    [InlineData("9111 §5.2.2.4: no-cache gives no lifetime of its own", "no-cache", null, null)]
    [InlineData("9111 §4.2.1: of two max-age directives that disagree, neither counts: the response is stale (of the two readings allowed, the one that reuses less)", "max-age=60, max-age=70", null, 0L)]
    [InlineData("9111 §4.2.1: whichever comes first", "max-age=70, max-age=60", null, 0L)]
    [InlineData("9111 §4.2.1: a max-age with non-integer content is taken as stale", "max-age=1.5", TenMinutesLater, 0L)]
    [InlineData("9111 §1.2.2: a max-age beyond 2^31 counts as 2^31", "max-age=99999999999", null, 2147483648L)]
    [InlineData("9111 §4.2: an HTTP-date matches case-insensitively", "", "sun, 06 nov 1994 08:59:37 gmt", 600L)]
    [InlineData("9111 §4.2: in any case", "", "SUN, 06 NOV 1994 08:59:37 GMT", 600L)]
    [InlineData("9111 §4.2: the obsolete RFC 850 form too", "", "sunday, 06-nov-94 08:59:37 gmt", 600L)]
    [InlineData("9111 §4.2: and asctime's", "", "sun nov  6 08:59:37 1994", 600L)]
    [InlineData("9111 §5.3: a name that is no day or month is still invalid, so expired", "", "sun, 06 nvo 1994 08:59:37 gmt", 0L)]
    public void The_lifetime_is_s_maxage_then_max_age_then_Expires_minus_Date(string clause, string cacheControl, string? expires, long? expectedSeconds)
    {
        _ = clause;
        var lifetime = FreshnessLifetime.Explicit(CacheDirectives.Parse(cacheControl), expires, DateTimeOffset.Parse(Date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, lifetime);
    }
}
