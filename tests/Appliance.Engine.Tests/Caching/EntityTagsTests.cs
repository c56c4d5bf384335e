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

    // Members are separated by "|" in the expected text.
    [Theory]
    [InlineData("9110 §13.1.2: a list of tags", "\"a\", W/\"b\"", "\"a\"|W/\"b\"")]
    [InlineData("9110 §8.8.3: a comma inside a tag is part of it", "\"a,b\", \"c\"", "\"a,b\"|\"c\"")]
    [InlineData("9110 §5.6.1: empty members and whitespace are dropped", " , \"a\" ,, ", "\"a\"")]
    [InlineData("9110 §13.1.2: *", "*", "*")]
    public void A_list_of_entity_tags_splits_between_tags_only(string clause, string field, string members)
    {
        _ = clause;
        Assert.Equal(members, string.Join('|', EntityTags.ListOf(field)));
    }
}
