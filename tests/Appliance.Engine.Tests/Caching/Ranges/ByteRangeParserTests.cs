using Appliance.Engine.Caching.Ranges;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Tests.Caching.Ranges;

public sealed class ByteRangeParserTests
{
    [Theory]
    [InlineData("bytes=0-499", 0L, 499L)]
    [InlineData("bytes=500-", 500L, null)]
    [InlineData("BYTES=7-7", 7L, 7L)]
    [InlineData("  bytes=1-2  ", 1L, 2L)]
    [InlineData("bytes= , 1-2 ,", 1L, 2L)]
    [InlineData("bytes=0-99999999999999999999999", 0L, long.MaxValue)]
    public void A_valid_spec_is_read_with_its_bounds(string field, long first, long? last)
    {
        var spec = Assert.Single(ByteRangeParser.Parse(field, 16)!);
        Assert.Equal(ByteRangeSpec.From(first, last), spec);
    }

    [Fact]
    public void A_suffix_is_read_as_a_length_from_the_end()
    {
        var spec = Assert.Single(ByteRangeParser.Parse("bytes=-500", 16)!);
        Assert.Null(spec.First);
        Assert.Equal(500, spec.Last);
    }

    [Fact]
    public void Several_specs_keep_the_order_they_were_asked_in()
    {
        var specs = ByteRangeParser.Parse("bytes=10-19, 0-4,-3", 16)!;
        Assert.Equal([ByteRangeSpec.From(10, 19), ByteRangeSpec.From(0, 4), ByteRangeSpec.Suffix(3)], specs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bytes=")]
    [InlineData("bytes=,")]
    [InlineData("bytes")]
    [InlineData("items=0-5")]
    [InlineData("bytes 0-5")]
    [InlineData("bytes=5")]
    [InlineData("bytes=-")]
    [InlineData("bytes=-5-10")]
    [InlineData("bytes=5--1")]
    [InlineData("bytes=-1-")]
    [InlineData("bytes=10-5")]
    [InlineData("bytes=0x1-2")]
    [InlineData("bytes=+1-2")]
    [InlineData("bytes=1 -2")]
    [InlineData("bytes=0-1,x")]
    [InlineData("bytes=١-٢")]
    public void Anything_but_a_list_of_byte_range_specs_is_ignored(string field)
    {
        Assert.Null(ByteRangeParser.Parse(field, 16));
    }

    [Fact]
    public void Two_field_lines_are_ignored()
    {
        Assert.Null(ByteRangeParser.Parse(new StringValues(["bytes=0-1", "bytes=2-3"]), 16));
    }

    [Fact]
    public void More_specs_than_the_cap_are_ignored_however_many_follow()
    {
        Assert.NotNull(ByteRangeParser.Parse(string.Join(',', Enumerable.Repeat("0-0", 16)).Insert(0, "bytes="), 16));
        Assert.Null(ByteRangeParser.Parse("bytes=" + string.Join(',', Enumerable.Repeat("0-0", 17)), 16));
        Assert.Null(ByteRangeParser.Parse("bytes=" + string.Join(',', Enumerable.Repeat("0-0", 100_000)), 16));
    }
}
