using Appliance.Engine.Routing;

namespace Appliance.Engine.Tests.Routing;

/// <summary>
/// The slow path (any target that is not already canonical) is what an attacker chooses, so it
/// must cost little and still mean exactly what the plain reading (<see cref="CanonicalPathReference"/>) means.
/// </summary>
public sealed class CanonicalPathSlowPathTests
{
    private static readonly string[] Pieces =
    [
        "/", "/", "/", "\\", ".", "..", ";", ";x=1", "%2F", "%2f", "%5C", "%5c", "%2e", "%2E", "%25", "%252F", "%3B", "%61",
        "%c3%a9", "%C0%AE", "%E9", "%00", "%7f", "%", "%4", "%zz", "a", "b", "admin", "é", " ", "\"", "~", "-", "|", "😀",
    ];

    [Fact]
    public void Random_odd_targets_mean_what_the_plain_reading_means()
    {
        var random = new Random(20_240_611);
        for (var n = 0; n < 20_000; n++)
        {
            var target = "/" + string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            AssertSameAsReference(target);
        }
    }

    [Theory]
    [InlineData("/a/", 2048)]
    [InlineData("/./a//", 1024)]
    [InlineData("/x/..", 1024)]
    [InlineData("/a;p=1\\%2e/", 1024)]
    [InlineData("/%61%2Fb%3B", 1024)]
    [InlineData("/%20é\"", 1024)]
    public void A_long_odd_target_means_what_the_plain_reading_means(string piece, int times) =>
        AssertSameAsReference(string.Concat(Enumerable.Repeat(piece, times)));

    [Fact]
    public void Eight_kilobytes_of_merged_slashes_come_out_whole()
    {
        var canonical = CanonicalPath.From(string.Concat(Enumerable.Repeat("/a//", 2048)), out var valid);

        Assert.True(valid);
        Assert.Equal(string.Concat(Enumerable.Repeat("/a", 2048)) + "/", canonical!.Forward);
        Assert.Equal(canonical.Forward, canonical.Decision);
    }

    [Theory]
    [InlineData("/a//")]
    [InlineData("/%61%2Fb")]
    [InlineData("/x/../y/./")]
    public void Eight_kilobytes_of_an_odd_target_allocate_little_more_than_the_two_paths(string piece)
    {
        var target = string.Concat(Enumerable.Repeat(piece, 8192 / piece.Length));
        CanonicalPath.From(target, out _);

        // Bytes, not time: the count is this thread's own and does not depend on the machine's load.
        var before = GC.GetAllocatedBytesForCurrentThread();
        CanonicalPath.From(target, out var valid);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated for an {target.Length}-character target");
    }

    private static void AssertSameAsReference(string target)
    {
        var expected = CanonicalPathReference.Of(target);
        var canonical = CanonicalPath.From(target, out var valid);
        if (expected is null)
        {
            Assert.False(valid, $"{target} was accepted as {canonical?.Decision}");
            return;
        }

        Assert.True(valid, $"{target} was refused");
        Assert.Equal(expected.Value.Decision, canonical?.Decision ?? target);
        Assert.Equal(expected.Value.Forward, canonical?.Forward ?? target);
    }
}
