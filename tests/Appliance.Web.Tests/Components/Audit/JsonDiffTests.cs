using Appliance.Data.History;
using Appliance.Web.Components.Pages.Audit;

namespace Appliance.Web.Tests.Components.Audit;

public sealed class JsonDiffTests
{
    [Fact]
    public void A_changed_weight_is_one_removed_and_one_added_line_in_a_hunk_with_a_little_context()
    {
        var before = """{"name":"web","backends":[{"address":"http://a","weight":1}]}""";
        var after = """{"name":"web","backends":[{"address":"http://a","weight":5}]}""";

        var lines = Assert.Single(JsonDiff.Compare(before, after)).Lines;

        Assert.Equal([new TextDiffLine(TextDiffLine.Removed, "      \"weight\": 1")], lines.Where(l => l.Kind == TextDiffLine.Removed));
        Assert.Equal([new TextDiffLine(TextDiffLine.Added, "      \"weight\": 5")], lines.Where(l => l.Kind == TextDiffLine.Added));
        Assert.Contains(new TextDiffLine(TextDiffLine.Context, "      \"address\": \"http://a\","), lines);
        Assert.True(lines.ToList().FindIndex(l => l.Kind == TextDiffLine.Removed) < lines.ToList().FindIndex(l => l.Kind == TextDiffLine.Added));
    }

    [Fact]
    public void Lines_far_from_any_change_are_left_out()
    {
        var fields = Enumerable.Range(0, 40).Select(i => $"\"f{i}\":{i}").ToArray();
        var before = "{" + string.Join(",", fields) + "}";
        var after = before.Replace("\"f20\":20", "\"f20\":21", StringComparison.Ordinal);

        var lines = Assert.Single(JsonDiff.Compare(before, after)).Lines;

        Assert.Equal(2 * TextDiff.ContextLines + 2, lines.Count);
        Assert.DoesNotContain(lines, l => l.Text.Contains("\"f0\"", StringComparison.Ordinal) || l.Text.Contains("\"f39\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_creation_is_all_added_and_a_deletion_all_removed()
    {
        Assert.All(JsonDiff.Compare(null, """{"name":"web"}""").SelectMany(h => h.Lines), l => Assert.Equal(TextDiffLine.Added, l.Kind));
        Assert.All(JsonDiff.Compare("""{"name":"web"}""", null).SelectMany(h => h.Lines), l => Assert.Equal(TextDiffLine.Removed, l.Kind));
        Assert.Empty(JsonDiff.Compare(null, null));
    }
}
