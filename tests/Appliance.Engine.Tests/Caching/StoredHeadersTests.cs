using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class StoredHeadersTests
{
    [Theory]
    [InlineData("9111 §3.1: end-to-end fields are stored", "Content-Type", true)]
    [InlineData("9111 §3.1: unrecognised fields are stored too", "X-Custom", true)]
    [InlineData("9111 §3.1: validators are stored", "ETag", true)]
    [InlineData("9111 §3.1: Cache-Control is stored", "Cache-Control", true)]
    [InlineData("9110 §7.6.1: Connection is hop-by-hop", "Connection", false)]
    [InlineData("9110 §7.6.1: Keep-Alive is hop-by-hop", "Keep-Alive", false)]
    [InlineData("9110 §7.6.1: Transfer-Encoding is hop-by-hop", "Transfer-Encoding", false)]
    [InlineData("9110 §7.6.1: Upgrade is hop-by-hop", "Upgrade", false)]
    [InlineData("9110 §7.6.1: Proxy-Connection is hop-by-hop", "Proxy-Connection", false)]
    [InlineData("9110 §7.6.1: Trailer is hop-by-hop", "Trailer", false)]
    [InlineData("9111 §3.1: Proxy-Authenticate belongs to the proxy", "Proxy-Authenticate", false)]
    [InlineData("9111 §5.1: Age is recomputed for every answer", "Age", false)]
    [InlineData("appliance: Set-Cookie is one client's", "Set-Cookie", false)]
    [InlineData("appliance: Cache-Status is written for every answer", "Cache-Status", false)]
    [InlineData("appliance: the request id is each request's own", "X-Request-Id", false)]
    [InlineData("appliance: HSTS is the appliance's to send", "Strict-Transport-Security", false)]
    [InlineData("9111 §3.1: field names are case-insensitive", "set-cookie", false)]
    [InlineData("9111 §3.1: Proxy-Authentication-Info belongs to the proxy", "Proxy-Authentication-Info", false)]
    [InlineData("9111 §3.1: so does Proxy-Authorization", "Proxy-Authorization", false)]
    public void A_stored_entry_keeps_every_field_but_those_of_one_hop_one_client_or_the_appliance(string clause, string name, bool stored)
    {
        _ = clause;
        var headers = HeaderLines.Parse($"{name}: value | Content-Length: 5");

        Assert.Equal(stored, StoredHeaders.Of(headers).Any(h => h.Key == name));
    }

    // Each row: the stored fields, the 304's fields, one field name and its value after freshening (null: absent).
    [Theory]
    [InlineData("9111 §4.3.4: a field in the 304 replaces the stored one", "Cache-Control: max-age=0", "Cache-Control: max-age=60", "Cache-Control", "max-age=60")]
    [InlineData("9111 §4.3.4: a field only in the 304 is added", "Content-Type: text/css", "X-New: 1", "X-New", "1")]
    [InlineData("9111 §4.3.4: a stored field the 304 does not carry stays", "Content-Type: text/css", "ETag: \"a\"", "Content-Type", "text/css")]
    [InlineData("9111 §4.3.4: field names match case-insensitively", "cache-control: max-age=0", "Cache-Control: max-age=60", "CACHE-CONTROL", "max-age=60")]
    [InlineData("9111 §4.3.4: Content-Length is not updated: it belongs to the stored body", "Content-Length: 10", "Content-Length: 0", "Content-Length", "10")]
    [InlineData("9111 §4.3.4: Content-Encoding is not updated: the stored body is coded as it says", "Content-Encoding: br", "Content-Encoding: gzip", "Content-Encoding", "br")]
    [InlineData("9111 §4.3.4: nor added to a stored body that has no coding", "Content-Type: text/css", "Content-Encoding: gzip", "Content-Encoding", null)]
    [InlineData("9111 §4.3.4: fields excepted from storage (§3.1) are not taken from the 304", "Content-Type: text/css", "Set-Cookie: a=1", "Set-Cookie", null)]
    [InlineData("9111 §4.3.4: Age in the 304 is not a stored field", "Content-Type: text/css", "Age: 5", "Age", null)]
    public void A_304_updates_the_stored_fields(string clause, string stored, string notModified, string name, string? value)
    {
        _ = clause;
        var freshened = StoredHeaders.Freshened(StoredHeaders.Of(HeaderLines.Parse(stored)), HeaderLines.Parse(notModified));

        Assert.Equal(value, freshened.TryGetValue(name, out var found) ? found.ToString() : null);
    }
}
