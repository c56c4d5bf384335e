using System.Globalization;
using Appliance.Engine.Metrics;

namespace Appliance.Engine.Tests.Metrics;

public sealed class RequestIdGeneratorTests
{
    [Fact]
    public void Ids_are_32_lowercase_hex_digits_a_process_prefix_and_a_counter()
    {
        var first = RequestIdGenerator.Next();
        var second = RequestIdGenerator.Next();

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Matches("^[0-9a-f]{32}$", second);
        Assert.Equal(first[..16], second[..16]);

        // Other tests take ids at the same time: the counter only moves forward.
        var before = ulong.Parse(first[16..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var after = ulong.Parse(second[16..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.True(after > before, $"{second} after {first}");
    }
}
