using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class ConditionalRequestsTests
{
    private const string Modified = "Sun, 06 Nov 1994 08:49:37 GMT";
    private const string Later = "Mon, 07 Nov 1994 08:49:37 GMT";
    private const string Earlier = "Sat, 05 Nov 1994 08:49:37 GMT";

    // Each row: the client's conditional fields, the entry's ETag and Last-Modified; is the answer a 304?
    [Theory]
    [InlineData("9110 §13.1.2: If-None-Match with the entry's ETag", "If-None-Match: \"a\"", "\"a\"", null, true)]
    [InlineData("9110 §13.1.2: If-None-Match with another ETag", "If-None-Match: \"b\"", "\"a\"", null, false)]
    [InlineData("9110 §8.8.3.2: weak comparison: a weak tag matches the strong one", "If-None-Match: W/\"a\"", "\"a\"", null, true)]
    [InlineData("9110 §8.8.3.2: weak comparison: a strong tag matches the weak one", "If-None-Match: \"a\"", "W/\"a\"", null, true)]
    [InlineData("9110 §13.1.2: a list matches when one member does", "If-None-Match: \"x\", \"a\"", "\"a\"", null, true)]
    [InlineData("9110 §13.1.2: several field lines form one list", "If-None-Match: \"x\" | If-None-Match: \"a\"", "\"a\"", null, true)]
    [InlineData("9110 §13.1.2: * matches the current representation", "If-None-Match: *", "\"a\"", null, true)]
    [InlineData("9110 §13.1.2: an entry without an ETag matches no tag", "If-None-Match: \"a\"", null, Modified, false)]
    [InlineData("9110 §13.2.2: If-None-Match is evaluated instead of If-Modified-Since", "If-None-Match: \"b\" | If-Modified-Since: " + Later, "\"a\"", Modified, false)]
    [InlineData("9110 §13.1.3: not modified since the date given", "If-Modified-Since: " + Modified, null, Modified, true)]
    [InlineData("9110 §13.1.3: a date after Last-Modified", "If-Modified-Since: " + Later, null, Modified, true)]
    [InlineData("9110 §13.1.3: modified after the date given", "If-Modified-Since: " + Earlier, null, Modified, false)]
    [InlineData("9110 §13.1.3: an invalid date is ignored", "If-Modified-Since: yesterday", null, Modified, false)]
    [InlineData("9110 §13.1.3: without Last-Modified there is nothing to compare", "If-Modified-Since: " + Later, "\"a\"", null, false)]
    [InlineData("9110 §13: no conditions, no 304", "", "\"a\"", Modified, false)]
    [InlineData("9110 §13.1.2: * is false whenever a current representation exists, ETag or not", "If-None-Match: *", null, null, true)]
    [InlineData("9110 §8.8.3: an entity-tag may contain a comma", "If-None-Match: \"a,b\"", "\"a,b\"", null, true)]
    [InlineData("9110 §8.8.3: a comma inside a tag does not make its halves tags", "If-None-Match: \"x,a\"", "\"a\"", null, false)]
    [InlineData("9110 §8.8.3: tags with commas in a list", "If-None-Match: W/\"1,2\", \"a,b\"", "\"a,b\"", null, true)]
    public void A_clients_conditions_are_answered_from_the_entry(string clause, string requestHeaders, string? etag, string? lastModified, bool notModified)
    {
        _ = clause;
        DateTimeOffset? modified = lastModified is null ? null : DateTimeOffset.Parse(lastModified, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(notModified, ConditionalRequests.IsNotModified(HeaderLines.Parse(requestHeaders), etag, modified));
    }

    // Each row: the stored validators; what the revalidation sends in If-None-Match and If-Modified-Since ("" for nothing).
    [Theory]
    [InlineData("9111 §4.3.1: the stored ETag goes in If-None-Match", "ETag: \"v1\"", "\"v1\"", "")]
    [InlineData("9111 §4.3.1: without an ETag, Last-Modified goes in If-Modified-Since", "Last-Modified: " + Modified, "", Modified)]
    [InlineData("9111 §4.3.1: with neither, the request is unconditional", "", "", "")]
    [InlineData("9111 §4.3.1 (SHOULD): Last-Modified goes too when there is an ETag", "ETag: \"v1\" | Last-Modified: " + Modified, "\"v1\"", Modified)]
    public void A_revalidation_sends_the_stored_validators(string clause, string storedHeaders, string ifNoneMatch, string ifModifiedSince)
    {
        _ = clause;
        var (sentIfNoneMatch, sentIfModifiedSince) = ConditionalRequests.ValidatorsFor(StoredEntries.Aged(100, 60, storedHeaders: storedHeaders));

        Assert.Equal(ifNoneMatch, sentIfNoneMatch.ToString());
        Assert.Equal(ifModifiedSince, sentIfModifiedSince.ToString());
    }
}
