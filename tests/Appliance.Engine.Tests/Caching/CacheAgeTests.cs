using Appliance.Engine.Caching;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheAgeTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    // Times are seconds from T0; a null Date is a response without one.
    [Theory]
    [InlineData("9111 §4.2.3: a response just received, without Date or Age, is 0 s old", null, 0, 0, 0, 0, 0)]
    [InlineData("9111 §4.2.3: resident time adds to the age", null, 0, 0, 0, 30, 30)]
    [InlineData("9111 §4.2.3: apparent age is response_time − Date", -20, 0, 0, 0, 0, 20)]
    [InlineData("9111 §4.2.3: a Date after receipt gives an apparent age of 0, never less", 20, 0, 0, 0, 0, 0)]
    [InlineData("9111 §4.2.3: the corrected Age value adds the response delay", null, 100, -2, 0, 0, 102)]
    [InlineData("9111 §4.2.3: Age is max(apparent, corrected): apparent larger", -50, 10, -1, 0, 0, 50)]
    [InlineData("9111 §4.2.3: Age is max(apparent, corrected): corrected larger", -5, 10, -1, 0, 0, 11)]
    [InlineData("9111 §4.2.3: current_age = corrected_initial_age + resident_time", -50, 10, -1, 0, 30, 80)]
    [InlineData("appliance: a clock that went back adds no negative resident time", -5, 0, 0, 0, -60, 5)]
    public void The_current_age_follows_the_RFC_9111_calculation(
        string clause, int? date, int ageValue, int requestAt, int responseAt, int nowAt, int expectedSeconds)
    {
        _ = clause;
        var age = CacheAge.Current(
            date is { } d ? T0.AddSeconds(d) : null, TimeSpan.FromSeconds(ageValue), T0.AddSeconds(requestAt), T0.AddSeconds(responseAt), T0.AddSeconds(nowAt));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), age);
    }

    [Theory]
    [InlineData("9111 §5.1: Age is delta-seconds", "100", 100)]
    [InlineData("9111 §5.1: no Age is an age value of 0", "", 0)]
    [InlineData("9111 §5.1: an Age that is not a non-negative integer is ignored", "soon", 0)]
    [InlineData("9111 §5.1: a negative Age is invalid and ignored", "-5", 0)]
    [InlineData("9111 §5.1: a list-based Age uses its first member", "5, 10", 5)]
    [InlineData("9111 §5.1: of several Age field lines the first counts", "7|9", 7)]
    [InlineData("9111 §1.2.2: a delta-seconds beyond what fits counts as 2^31", "99999999999999999999", 2147483648)]
    [InlineData("9111 §1.2.2: one that fits a long but not TimeSpan's seconds counts as 2^31 too", "99999999999999", 2147483648)]
    [InlineData("9111 §1.2.2: 2^31 itself is 2^31", "2147483648", 2147483648)]
    [InlineData("9111 §1.2.2: delta-seconds is digits only: a sign makes it invalid", "+5", 0)]
    public void The_Age_field_gives_the_age_the_response_arrived_with(string clause, string field, long expectedSeconds)
    {
        _ = clause;
        var lines = field.Split('|');

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), CacheAge.ValueOf(new StringValues(lines)));
    }

    [Theory]
    [InlineData("9111 §5.1: Age goes out in whole seconds", 100.0, "100")]
    [InlineData("9111 §5.1: a part of a second is dropped, not rounded up", 1.9, "1")]
    public void The_Age_field_sent_is_whole_seconds(string clause, double seconds, string field)
    {
        _ = clause;
        Assert.Equal(field, CacheAge.HeaderValue(TimeSpan.FromSeconds(seconds)));
    }
}
