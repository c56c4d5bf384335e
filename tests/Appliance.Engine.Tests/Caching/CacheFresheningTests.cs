using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheFresheningTests
{
    private const string Now = "Mon, 01 Jan 2024 12:00:00 GMT";
    private const string TenSecondsAgo = "Mon, 01 Jan 2024 11:59:50 GMT";
    private const string InTenMinutes = "Mon, 01 Jan 2024 12:10:00 GMT";
    private const string Earlier = "Sun, 31 Dec 2023 12:00:00 GMT";

    // Each row: the stored fields, its lifetime and age in seconds, the 304's fields arriving now; then the freshened
    // entry's lifetime, its age now and its ETag.
    [Theory]
    [InlineData("9111 §4.3.4: the 304's max-age gives the new lifetime", "Cache-Control: max-age=0 | ETag: \"v1\"", 0, 500, "Cache-Control: max-age=60", 60, 0, "\"v1\"")]
    [InlineData("9111 §4.3.4: a stored max-age the 304 does not replace still counts", "Cache-Control: max-age=30 | ETag: \"v1\"", 30, 500, "ETag: \"v1\"", 30, 0, "\"v1\"")]
    [InlineData("appliance: a default TTL stays when neither response gives a lifetime", "ETag: \"v1\"", 45, 500, "", 45, 0, "\"v1\"")]
    [InlineData("9111 §4.2.1: the 304's Expires − its Date", "ETag: \"v1\"", 0, 10, "Date: " + Now + " | Expires: " + InTenMinutes, 600, 0, "\"v1\"")]
    [InlineData("9111 §5.2.2.4: a 304 with no-cache makes the entry revalidate every time", "Cache-Control: max-age=60 | ETag: \"v1\"", 60, 100, "Cache-Control: no-cache", 0, 0, "\"v1\"")]
    [InlineData("9111 §4.2.3: the age starts again from the 304, with its Date's apparent age", "Cache-Control: max-age=60 | ETag: \"v1\"", 60, 100, "Date: " + TenSecondsAgo, 60, 10, "\"v1\"")]
    [InlineData("9111 §5.3: an invalid Expires in the 304 means already expired", "ETag: \"v1\"", 45, 0, "Expires: 0", 0, 0, "\"v1\"")]
    [InlineData("9111 §4.3.4: a 304 whose strong ETag differs from the stored one updates nothing", "Cache-Control: max-age=0 | ETag: \"v1\"", 0, 0, "ETag: \"v2\" | Cache-Control: max-age=60", 0, 0, "\"v1\"")]
    [InlineData("9111 §4.3.4: a strong ETag must match strongly: a weak stored tag is not it", "Cache-Control: max-age=0 | ETag: W/\"v1\"", 0, 0, "ETag: \"v1\" | Cache-Control: max-age=60", 0, 0, "W/\"v1\"")]
    [InlineData("9111 §4.3.4: a weak ETag that matches weakly updates the entry", "Cache-Control: max-age=0 | ETag: \"v1\"", 0, 0, "ETag: W/\"v1\" | Cache-Control: max-age=60", 60, 0, "W/\"v1\"")]
    [InlineData("9111 §4.3.4: a weak ETag that does not match updates nothing", "Cache-Control: max-age=0 | ETag: W/\"v1\"", 0, 0, "ETag: W/\"v2\" | Cache-Control: max-age=60", 0, 0, "W/\"v1\"")]
    [InlineData("9111 §4.3.4: an ETag in the 304 when the stored response had none updates nothing", "Cache-Control: max-age=0 | Last-Modified: " + TenSecondsAgo, 0, 0, "ETag: \"v2\" | Cache-Control: max-age=60", 0, 0, null)]
    [InlineData("appliance: a 304 without an ETag answered this entry's own validators, so updates it", "Cache-Control: max-age=0 | ETag: \"v1\"", 0, 0, "Cache-Control: max-age=60", 60, 0, "\"v1\"")]
    [InlineData("9111 §4.2.3: the 304's Age counts in the freshened entry's age", "Cache-Control: max-age=60 | ETag: \"v1\"", 60, 0, "Age: 100", 60, 100, "\"v1\"")]
    [InlineData("9111 §4.2.3: a 304 without Date is as old as its own delay, not the stored Date", "Cache-Control: max-age=60 | ETag: \"v1\" | Date: " + TenSecondsAgo, 60, 500, "ETag: \"v1\"", 60, 0, "\"v1\"")]
    public void A_304_freshens_the_stored_response(
        string clause, string storedHeaders, int storedLifetime, int storedAge, string notModified, int lifetime, int age, string? etag)
    {
        _ = clause;
        var stored = StoredEntries.Aged(storedAge, storedLifetime, storedHeaders: storedHeaders);

        var freshened = CacheFreshening.Freshen(stored, HeaderLines.Parse(notModified), StoredEntries.Now, StoredEntries.Now);

        Assert.Equal(TimeSpan.FromSeconds(lifetime), freshened.FreshnessLifetime);
        Assert.Equal(TimeSpan.FromSeconds(age), freshened.CurrentAge(StoredEntries.Now));
        Assert.Equal(etag, freshened.ETag);
        Assert.Same(stored.Body, freshened.Body);
    }

    // Each row: the 304's fields; why the freshened entry may not stay in the store, or null when it may.
    [Theory]
    [InlineData("9111 §4.3.4: a 304 that says nothing new leaves the entry storable", "ETag: \"v1\"", null)]
    [InlineData("9111 §4.3.4, §5.2.2.7: a 304 whose Cache-Control says private makes it private", "Cache-Control: private, max-age=60", "private")]
    [InlineData("9111 §4.3.4, §5.2.2.5: one that says no-store makes it unstorable", "Cache-Control: no-store", "no-store")]
    [InlineData("appliance: one that cannot be read whole may say either", "Cache-Control: max-age=60;private", "malformed-cache-control")]
    public void A_304_can_take_the_entry_out_of_the_store(string clause, string notModified, string? refusal)
    {
        _ = clause;
        Assert.Equal(refusal, CacheFreshening.Refusal(HeaderLines.Parse(notModified)));
    }

    // Each row: the stored Cache-Control, the 304's; whether the freshened entry still answers a request with Authorization.
    [Theory]
    [InlineData("9111 §3.5: public stays public when the 304 does not replace it", "public, max-age=0", "", true)]
    [InlineData("9111 §3.5: a 304 whose Cache-Control drops public no longer shares it", "public, max-age=0", "max-age=60", false)]
    [InlineData("appliance: a 304 cannot share what was stored unshared (the rule that stored it decided, RFC 9111 §3.5 allows the stricter reading)", "max-age=0", "public, max-age=60", false)]
    public void A_304_can_stop_an_entry_answering_requests_with_Authorization(string clause, string stored, string notModified, bool shared)
    {
        _ = clause;
        var entry = StoredEntries.Aged(0, 0, stored, sharedWithAuthorization: stored.Contains("public", StringComparison.Ordinal), storedHeaders: "ETag: \"v1\" | Cache-Control: " + stored);
        var fields = notModified.Length == 0 ? "" : "Cache-Control: " + notModified;

        Assert.Equal(shared, CacheFreshening.Freshen(entry, HeaderLines.Parse(fields), StoredEntries.Now, StoredEntries.Now).SharedWithAuthorization);
    }

    // Each row: the stored Last-Modified, the 304's fields; the Last-Modified the freshened entry answers If-Modified-Since with.
    [Theory]
    [InlineData("9111 §4.3.4: the 304's Last-Modified replaces the stored one", Earlier, "ETag: \"v1\" | Last-Modified: " + TenSecondsAgo, TenSecondsAgo)]
    [InlineData("9111 §4.3.4: a stored Last-Modified the 304 does not carry stays", Earlier, "ETag: \"v1\"", Earlier)]
    public void A_304_updates_the_validators_the_entry_answers_with(string clause, string storedModified, string notModified, string modified)
    {
        _ = clause;
        var stored = StoredEntries.Aged(0, 0, storedHeaders: "ETag: \"v1\" | Last-Modified: " + storedModified);

        var freshened = CacheFreshening.Freshen(stored, HeaderLines.Parse(notModified), StoredEntries.Now, StoredEntries.Now);

        Assert.Equal(DateTimeOffset.Parse(modified, System.Globalization.CultureInfo.InvariantCulture), freshened.LastModified);
        Assert.Equal(modified, freshened.Header("Last-Modified"));
    }
}
