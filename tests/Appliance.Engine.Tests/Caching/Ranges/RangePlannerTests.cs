using Appliance.Engine.Caching.Ranges;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Tests.Caching.Ranges;

public sealed class RangePlannerTests
{
    private static readonly DateTimeOffset Modified = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sent = Modified.AddHours(1);

    [Theory]
    [InlineData("bytes=0-499", 0L, 500L)]
    [InlineData("bytes=500-", 500L, 500L)]
    [InlineData("bytes=-300", 700L, 300L)]
    [InlineData("bytes=-5000", 0L, 1000L)]
    [InlineData("bytes=990-5000", 990L, 10L)]
    [InlineData("bytes=0-99999999999999999999", 0L, 1000L)]
    [InlineData("bytes=999-999", 999L, 1L)]
    public void A_single_range_is_resolved_against_the_length(string field, long offset, long length)
    {
        var plan = RangePlanner.Plan(field, 1000);
        Assert.Equal(RangePlanKind.Partial, plan.Kind);
        Assert.Equal(new ByteRange(offset, length), Assert.Single(plan.Ranges));
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=1000-2000")]
    [InlineData("bytes=-0")]
    [InlineData("bytes=99999999999999999999999-")]
    [InlineData("bytes=5000-6000, 1000-")]
    public void A_range_set_selecting_no_byte_is_unsatisfiable(string field)
    {
        Assert.Equal(RangePlanKind.Unsatisfiable, RangePlanner.Plan(field, 1000).Kind);
    }

    [Fact]
    public void Unsatisfiable_members_of_a_set_are_left_out()
    {
        var plan = RangePlanner.Plan("bytes=5000-6000,10-19", 1000);
        Assert.Equal(new ByteRange(10, 10), Assert.Single(plan.Ranges));
    }

    [Theory]
    [InlineData("bytes=0-9,5-14")]
    [InlineData("bytes=0-0,0-0")]
    [InlineData("bytes=0-,-1")]
    [InlineData("bytes=500-599,0-999")]
    public void Overlapping_ranges_get_the_whole(string field)
    {
        Assert.Equal(RangePlanKind.Whole, RangePlanner.Plan(field, 1000).Kind);
    }

    [Fact]
    public void Adjacent_and_descending_ranges_are_served_as_asked()
    {
        var plan = RangePlanner.Plan("bytes=10-19,0-9", 1000);
        Assert.Equal([new ByteRange(10, 10), new ByteRange(0, 10)], plan.Ranges);
    }

    [Fact]
    public void A_thousand_repeated_ranges_get_the_whole()
    {
        Assert.Equal(RangePlanKind.Whole, RangePlanner.Plan("bytes=" + string.Join(',', Enumerable.Repeat("0-0", 1000)), 1000).Kind);
    }

    [Fact]
    public void An_empty_representation_is_sent_whole()
    {
        Assert.Equal(RangePlanKind.Whole, RangePlanner.Plan("bytes=0-", 0).Kind);
    }

    [Theory]
    [InlineData("GET", 200, "bytes=0-1", "Partial")]
    [InlineData("HEAD", 200, "bytes=0-1", "Whole")]
    [InlineData("POST", 200, "bytes=0-1", "Whole")]
    [InlineData("GET", 404, "bytes=0-1", "Whole")]
    [InlineData("GET", 200, "items=0-1", "Whole")]
    public void Ranges_apply_to_a_GET_of_a_complete_200_only(string method, int status, string field, string expected)
    {
        var request = Request(method, field);
        Assert.Equal(expected, RangePlanner.Plan(request, status, 100, "\"v1\"", Modified, Sent).Kind.ToString());
    }

    [Theory]
    [InlineData("\"v1\"", "Partial")]
    [InlineData("\"v2\"", "Whole")]
    [InlineData("W/\"v1\"", "Whole")]
    [InlineData("Thu, 01 Jan 2026 00:00:00 GMT", "Partial")]
    [InlineData("Thu, 01 Jan 2026 00:00:01 GMT", "Whole")]
    [InlineData("yesterday", "Whole")]
    [InlineData("", "Partial")]
    public void If_Range_sends_the_range_only_for_the_same_representation(string ifRange, string expected)
    {
        var request = Request("GET", "bytes=0-1");
        if (ifRange.Length > 0)
        {
            request.Headers.IfRange = ifRange;
        }

        Assert.Equal(expected, RangePlanner.Plan(request, 200, 100, "\"v1\"", Modified, Sent).Kind.ToString());
    }

    [Fact]
    public void If_Range_never_matches_a_weak_ETag_as_sent()
    {
        var request = Request("GET", "bytes=0-1");
        request.Headers.IfRange = "\"v1\"";
        Assert.Equal(RangePlanKind.Whole, RangePlanner.Plan(request, 200, 100, "W/\"v1\"", Modified, Sent).Kind);
    }

    [Fact]
    public void A_Last_Modified_date_sent_within_its_own_second_is_weak_and_never_matches()
    {
        Assert.True(IfRange.Matches("Thu, 01 Jan 2026 00:00:00 GMT", null, Modified, Modified.AddSeconds(1)));
        Assert.False(IfRange.Matches("Thu, 01 Jan 2026 00:00:00 GMT", null, Modified, Modified));
        Assert.False(IfRange.Matches("Thu, 01 Jan 2026 00:00:00 GMT", null, Modified, null));
    }

    private static HttpRequest Request(string method, string range)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.Range = range;
        return context.Request;
    }
}
