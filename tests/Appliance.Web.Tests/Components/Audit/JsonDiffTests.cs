using Appliance.Web.Components.Pages.Audit;

namespace Appliance.Web.Tests.Components.Audit;

public sealed class JsonDiffTests
{
    [Fact]
    public void A_changed_weight_is_one_removed_and_one_added_line_between_unchanged_ones()
    {
        var before = """{"name":"web","backends":[{"address":"http://a","weight":1}]}""";
        var after = """{"name":"web","backends":[{"address":"http://a","weight":5}]}""";

        var diff = JsonDiff.Compare(before, after);

        Assert.Equal([new DiffLine(DiffKind.Removed, "      \"weight\": 1")], diff.Where(l => l.Kind == DiffKind.Removed));
        Assert.Equal([new DiffLine(DiffKind.Added, "      \"weight\": 5")], diff.Where(l => l.Kind == DiffKind.Added));
        Assert.Contains(new DiffLine(DiffKind.Unchanged, "  \"name\": \"web\","), diff);
        Assert.True(diff.ToList().FindIndex(l => l.Kind == DiffKind.Removed) < diff.ToList().FindIndex(l => l.Kind == DiffKind.Added));
    }

    [Fact]
    public void A_creation_is_all_added_and_a_deletion_all_removed()
    {
        Assert.All(JsonDiff.Compare(null, """{"name":"web"}"""), l => Assert.Equal(DiffKind.Added, l.Kind));
        Assert.All(JsonDiff.Compare("""{"name":"web"}""", null), l => Assert.Equal(DiffKind.Removed, l.Kind));
        Assert.Empty(JsonDiff.Compare(null, null));
    }
}
