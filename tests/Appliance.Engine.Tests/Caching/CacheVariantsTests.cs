using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheVariantsTests
{
    // Each row: the stored response's Vary, the request it was stored for, a later request; does the variant answer it?
    [Theory]
    [InlineData("9111 §4.1: without Vary every request is answered", "", "Accept-Language: en", "Accept-Language: fr", true)]
    [InlineData("9111 §4.1: the named header must match", "Accept-Language", "Accept-Language: en", "Accept-Language: fr", false)]
    [InlineData("9111 §4.1: it does when the values are the same", "Accept-Language", "Accept-Language: en", "Accept-Language: en", true)]
    [InlineData("9111 §4.1: headers not named do not count", "Accept-Language", "Accept-Language: en | Accept: a", "Accept-Language: en | Accept: b", true)]
    [InlineData("9111 §4.1: every named header must match", "Accept, Accept-Language", "Accept: a | Accept-Language: en", "Accept: a | Accept-Language: fr", false)]
    [InlineData("9111 §4.1: field names match case-insensitively", "ACCEPT-LANGUAGE", "accept-language: en", "Accept-Language: en", true)]
    [InlineData("9111 §4.1: whitespace around commas is normalised away", "Accept-Encoding", "Accept-Encoding: gzip,br", "Accept-Encoding: gzip,   br", true)]
    [InlineData("9111 §4.1: several field lines combine as one list", "Accept-Encoding", "Accept-Encoding: gzip | Accept-Encoding: br", "Accept-Encoding: gzip, br", true)]
    [InlineData("9111 §4.1: values are otherwise compared as they are: order counts", "Accept-Language", "Accept-Language: en, fr", "Accept-Language: fr, en", false)]
    [InlineData("9111 §4.1: values are otherwise compared as they are: case counts", "Accept-Language", "Accept-Language: en", "Accept-Language: EN", false)]
    [InlineData("9111 §4.1: a header absent from both requests matches", "Accept-Language", "", "", true)]
    [InlineData("9111 §4.1: a header absent from one request matches only one where it is absent too", "Accept-Language", "", "Accept-Language:", false)]
    [InlineData("9111 §4.1: and the other way round", "Accept-Language", "Accept-Language:", "", false)]
    [InlineData("9111 §4.1: an empty header matches an empty one", "Accept-Language", "Accept-Language:", "Accept-Language:", true)]
    public void A_stored_variant_answers_a_request_whose_headers_named_by_Vary_match(
        string clause, string vary, string storedFor, string later, bool matches)
    {
        _ = clause;
        var names = CacheVariants.NamesOf(vary);
        var entry = StoredEntries.Aged(0, 60, varyHeaders: names, varyKey: CacheVariants.KeyOf(names, HeaderLines.Parse(storedFor)));

        Assert.Equal(matches, CacheVariants.Matches(entry, HeaderLines.Parse(later)));
    }

    [Theory]
    [InlineData("9111 §4.1: Vary lists field names", "Accept-Language, Accept", "accept accept-language")]
    [InlineData("9111 §4.1: the order of the names does not make another variant", "accept, ACCEPT-LANGUAGE", "accept accept-language")]
    [InlineData("9111 §4.1: a name given twice counts once", "Accept | accept", "accept")]
    [InlineData("9111 §4.1: * is kept, to be refused", "*", "*")]
    [InlineData("9111 §4.1: no Vary, no names", "", "")]
    public void Vary_names_are_compared_case_insensitively_and_in_any_order(string clause, string vary, string names)
    {
        _ = clause;
        var lines = vary.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(names, string.Join(' ', CacheVariants.NamesOf(lines)));
    }
}
