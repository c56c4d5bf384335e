using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class EntityTagsTests
{
    // The table of RFC 9110 §8.8.3.2, row by row.
    [Theory]
    [InlineData("9110 §8.8.3.2: W/\"1\" and W/\"1\"", "W/\"1\"", "W/\"1\"", false, true)]
    [InlineData("9110 §8.8.3.2: W/\"1\" and W/\"2\"", "W/\"1\"", "W/\"2\"", false, false)]
    [InlineData("9110 §8.8.3.2: W/\"1\" and \"1\"", "W/\"1\"", "\"1\"", false, true)]
    [InlineData("9110 §8.8.3.2: \"1\" and \"1\"", "\"1\"", "\"1\"", true, true)]
    [InlineData("9110 §8.8.3.3: tags are case-sensitive", "\"a\"", "\"A\"", false, false)]
    public void Entity_tags_compare_strongly_or_weakly(string clause, string a, string b, bool strong, bool weak)
    {
        _ = clause;
        Assert.Equal(strong, EntityTags.StrongMatch(a, b));
        Assert.Equal(weak, EntityTags.WeakMatch(a, b));
    }
}
