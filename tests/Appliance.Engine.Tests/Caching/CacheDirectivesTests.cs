using Appliance.Engine.Caching;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheDirectivesTests
{
    // Cache-Control field lines are separated by '|'; the expected text lists what was understood, in a fixed order.
    [Theory]
    [InlineData("9111 §5.2.2.1: max-age", "max-age=60", null, "max-age=60")]
    [InlineData("9111 §5.2: directive names are case-insensitive", "MAX-AGE=5, Public", null, "public max-age=5")]
    [InlineData("9111 §5.2: several field lines make one list", "max-age=5 | public", null, "public max-age=5")]
    [InlineData("9111 §5.2: unknown extensions are ignored", "max-age=5, community=\"UCI\"", null, "max-age=5")]
    [InlineData("9111 §5.2.2.5: no-store", "no-store", null, "no-store")]
    [InlineData("9111 §5.2.2.7: private", "private", null, "private")]
    [InlineData("9111 §5.2.2.7: qualified private is taken as private for the whole response", "private=\"Set-Cookie\", max-age=60", null, "private max-age=60")]
    [InlineData("9111 §5.2.2.4: qualified no-cache is taken as unqualified", "no-cache=\"Set-Cookie\"", null, "no-cache")]
    [InlineData("9111 §5.2.2.2: must-revalidate", "must-revalidate", null, "must-revalidate")]
    [InlineData("9111 §5.2.2.8: proxy-revalidate, read apart from must-revalidate (§3.5 treats them differently)", "proxy-revalidate", null, "proxy-revalidate")]
    [InlineData("9111 §5.2.2.10: s-maxage", "s-maxage=30", null, "s-maxage=30")]
    [InlineData("9111 §5.2.1.2: max-stale without a value takes any staleness", "max-stale", null, "max-stale")]
    [InlineData("9111 §5.2.1.2: max-stale with a limit", "max-stale=30", null, "max-stale=30")]
    [InlineData("9111 §5.2.1.3: min-fresh", "min-fresh=10", null, "min-fresh=10")]
    [InlineData("9111 §5.4: Pragma: no-cache counts when there is no Cache-Control", "", "no-cache", "no-cache")]
    [InlineData("9111 §5.4: Pragma is ignored when Cache-Control is present", "max-age=5", "no-cache", "max-age=5")]
    [InlineData("5861 §3: stale-while-revalidate", "max-age=1, stale-while-revalidate=30", null, "max-age=1 stale-while-revalidate=30")]
    [InlineData("5861 §4: stale-if-error", "stale-if-error=60", null, "stale-if-error=60")]
    [InlineData("5861 §3: a stale-while-revalidate that is not delta-seconds is ignored", "stale-while-revalidate=soon", null, "")]
    [InlineData("9111 §1.2.2: a delta-seconds beyond 2^31 counts as 2^31, the rest of the field still counts", "private, max-age=99999999999", null, "private max-age=2147483648")]
    [InlineData("9111 §1.2.2: an overlarge stale-if-error counts as 2^31", "stale-if-error=99999999999999", null, "stale-if-error=2147483648")]
    [InlineData("9111 §1.2.2: so do an overlarge max-stale and min-fresh", "max-stale=99999999999999, min-fresh=99999999999999999999", null, "min-fresh=2147483648 max-stale=2147483648")]
    [InlineData("9111 §4.2.1: with invalid parts, the most restrictive directives are still honoured", "private, max-age=60, x=\"open", null, "private max-age=60")]
    [InlineData("9111 §5.2: an element without a name is skipped on its own", "max-age=60, =oops, no-store", null, "no-store max-age=60")]
    [InlineData("9111 §5.2: text after an argument spoils only its own element", "no-store, max-age=60 60", null, "no-store")]
    [InlineData("9111 §5.2: an open quote on one field line does not swallow the next", "x=\"open | private", null, "private")]
    [InlineData("9111 §5.2: a comma inside a quoted argument does not end it", "no-cache=\"Set-Cookie, X-Id\", max-age=5", null, "no-cache max-age=5")]
    [InlineData("9111 §5.2: an argument may be quoted", "max-age=\"60\"", null, "max-age=60")]
    [InlineData("9110 §5.6.1: empty list elements are allowed", ", ,max-age=5,,", null, "max-age=5")]
    [InlineData("appliance: whitespace around = is read as meant", "max-age = 60", null, "max-age=60")]
    [InlineData("9111 §4.2.1: a max-age that is not delta-seconds means stale", "max-age=soon", null, "max-age=0")]
    [InlineData("9111 §4.2.1: a max-age with no value means stale", "max-age", null, "max-age=0")]
    [InlineData("9111 §1.2.2: a signed max-age is not delta-seconds", "max-age=-1", null, "max-age=0")]
    [InlineData("9111 §4.2.1: an s-maxage that is not delta-seconds means stale", "s-maxage=1.5", null, "s-maxage=0")]
    [InlineData("9111 §4.2.1: two max-age directives that disagree mean stale", "max-age=60, max-age=70", null, "max-age=0")]
    [InlineData("9111 §4.2.1: two that agree are one", "max-age=60 | max-age=60", null, "max-age=60")]
    [InlineData("appliance: a min-fresh that is not delta-seconds asks the most", "min-fresh=x", null, "min-fresh=2147483648")]
    [InlineData("appliance: a max-stale that is not delta-seconds allows nothing stale", "max-stale=x", null, "")]
    [InlineData("appliance: two max-stale that disagree allow nothing stale", "max-stale, max-stale=5", null, "")]
    [InlineData("appliance: two stale-if-error that disagree allow nothing stale", "stale-if-error=5, stale-if-error=50", null, "")]
    [InlineData("9111 §5.2.2.5: no-store with an argument is still no-store", "no-store=1", null, "no-store")]
    [InlineData("9111 §5.2.2.9: public with an argument is not public", "public=yes", null, "")]
    [InlineData("9111 §5.4: Pragma counts when Cache-Control says nothing it understands", "x=\"open", "no-cache", "no-cache")]
    public void Directives_are_parsed_from_Cache_Control_and_Pragma(string clause, string cacheControl, string? pragma, string understood)
    {
        _ = clause;
        var lines = cacheControl.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(understood, Describe(CacheDirectives.Parse(new StringValues(lines), pragma)));
    }

    [Theory]
    [InlineData("9111 §5.2: well-formed directives", "private, max-age=60, no-cache=\"Set-Cookie\"", false)]
    [InlineData("9111 §5.2: unknown extensions are well-formed", "community=\"UCI\", x-y=z", false)]
    [InlineData("9111 §5.2: an invalid argument is a directive read, not an unreadable part", "max-age=soon", false)]
    [InlineData("9111 §5.2: a quote that never closes", "max-age=60, x=\"open", true)]
    [InlineData("9111 §5.2: a semicolon is not a separator", "max-age=60;private", true)]
    [InlineData("9111 §5.2: an element without a name", "=oops", true)]
    [InlineData("9111 §5.2: two words without a comma", "no store", true)]
    public void A_field_with_parts_that_are_not_directives_is_marked_unparsable(string clause, string cacheControl, bool unparsable)
    {
        _ = clause;
        Assert.Equal(unparsable, CacheDirectives.Parse(cacheControl).Unparsable);
    }

    private static string Describe(CacheDirectives d) => string.Join(' ', new[]
    {
        d.NoStore ? "no-store" : null,
        d.NoCache ? "no-cache" : null,
        d.Private ? "private" : null,
        d.Public ? "public" : null,
        d.MustRevalidate ? "must-revalidate" : null,
        d.ProxyRevalidate ? "proxy-revalidate" : null,
        d.MaxAge is { } maxAge ? $"max-age={maxAge.TotalSeconds}" : null,
        d.SharedMaxAge is { } sharedMaxAge ? $"s-maxage={sharedMaxAge.TotalSeconds}" : null,
        d.MinFresh is { } minFresh ? $"min-fresh={minFresh.TotalSeconds}" : null,
        d.MaxStale ? d.MaxStaleLimit is { } limit ? $"max-stale={limit.TotalSeconds}" : "max-stale" : null,
        d.StaleWhileRevalidate > TimeSpan.Zero ? $"stale-while-revalidate={d.StaleWhileRevalidate.TotalSeconds}" : null,
        d.StaleIfError is { } staleIfError ? $"stale-if-error={staleIfError.TotalSeconds}" : null,
    }.Where(part => part is not null));
}
