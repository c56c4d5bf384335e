using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class DeltaSecondsTests
{
    // Each row: the text; the seconds it means, or null when it is not delta-seconds.
    [Theory]
    [InlineData("9111 §1.2.2: delta-seconds is 1*DIGIT", "60", 60L)]
    [InlineData("9111 §1.2.2: zero", "0", 0L)]
    [InlineData("9111 §1.2.2: leading zeros are digits too", "007", 7L)]
    [InlineData("9111 §1.2.2: the greatest value below 2^31", "2147483647", 2147483647L)]
    [InlineData("9111 §1.2.2: 2^31", "2147483648", 2147483648L)]
    [InlineData("9111 §1.2.2: one more than 2^31 counts as 2^31", "2147483649", 2147483648L)]
    [InlineData("9111 §1.2.2: beyond TimeSpan's seconds counts as 2^31", "99999999999999", 2147483648L)]
    [InlineData("9111 §1.2.2: beyond a long counts as 2^31", "999999999999999999999999999999", 2147483648L)]
    [InlineData("9111 §1.2.2: nothing is not a number", "", null)]
    [InlineData("9111 §1.2.2: a sign is not a digit", "-1", null)]
    [InlineData("9111 §1.2.2: nor is a plus", "+1", null)]
    [InlineData("9111 §1.2.2: nor a fraction", "1.5", null)]
    [InlineData("9111 §1.2.2: nor a space", "1 2", null)]
    [InlineData("9111 §1.2.2: nor a word", "soon", null)]
    public void Delta_seconds_are_digits_and_saturate_at_2_to_the_31(string clause, string text, long? seconds)
    {
        _ = clause;
        var parsed = DeltaSeconds.TryParse(text, out var value);

        Assert.Equal(seconds is not null, parsed);
        Assert.Equal(TimeSpan.FromSeconds(seconds ?? 0), value);
    }
}
