using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class CacheInvalidationTests
{
    [Theory]
    [InlineData("9111 §4.4: POST with a 2xx invalidates", "POST", 204, true)]
    [InlineData("9111 §4.4: PUT invalidates", "PUT", 200, true)]
    [InlineData("9111 §4.4: DELETE invalidates", "DELETE", 200, true)]
    [InlineData("9111 §4.4: PATCH invalidates", "PATCH", 201, true)]
    [InlineData("9111 §4.4: a 3xx is a non-error status", "POST", 303, true)]
    [InlineData("9111 §4.4: a method whose safety is unknown counts as unsafe", "PURGE", 200, true)]
    [InlineData("9111 §4.4: a 4xx changed nothing", "POST", 400, false)]
    [InlineData("9111 §4.4: a 5xx changed nothing", "DELETE", 500, false)]
    [InlineData("9110 §9.2.1: GET is safe", "GET", 200, false)]
    [InlineData("9110 §9.2.1: HEAD is safe", "HEAD", 200, false)]
    [InlineData("9110 §9.2.1: OPTIONS is safe", "OPTIONS", 200, false)]
    [InlineData("9110 §9.2.1: TRACE is safe", "TRACE", 200, false)]
    public void Unsafe_methods_with_a_non_error_status_invalidate(string clause, string method, int status, bool invalidates)
    {
        _ = clause;
        Assert.Equal(invalidates, CacheInvalidation.Applies(method, status));
    }

    // Each row: the request's host, path and query, the response's Location and Content-Location; the keys purged.
    [Theory]
    [InlineData("9111 §4.4: the target URI, with and without its query", "shop.test", "/cart", "?id=1", "", "",
        "http://shop.test/cart?id=1 http://shop.test/cart")]
    [InlineData("9111 §4.4: a Location on the same origin", "shop.test", "/cart", "", "/orders/7", "",
        "http://shop.test/cart http://shop.test/orders/7")]
    [InlineData("9111 §4.4: a relative Location resolves against the target URI", "shop.test", "/cart/add", "", "view", "",
        "http://shop.test/cart/add http://shop.test/cart/view")]
    [InlineData("9111 §4.4: an absolute Location on the same host, with and without its query", "shop.test", "/cart", "", "http://shop.test/orders/7?x=1", "",
        "http://shop.test/cart http://shop.test/orders/7?x=1 http://shop.test/orders/7")]
    [InlineData("9111 §4.4: the host compares case-insensitively", "shop.test", "/cart", "", "http://SHOP.test/o", "",
        "http://shop.test/cart http://shop.test/o")]
    [InlineData("9111 §4.4: a Content-Location on the same origin", "shop.test", "/cart", "", "", "/cart/v2",
        "http://shop.test/cart http://shop.test/cart/v2")]
    [InlineData("9111 §4.4: a Location on another host is not invalidated", "shop.test", "/cart", "", "http://other.test/o", "",
        "http://shop.test/cart")]
    [InlineData("9111 §4.4: another port is another origin", "shop.test:8080", "/cart", "", "http://shop.test/o", "",
        "http://shop.test:8080/cart")]
    [InlineData("9111 §4.4: another scheme is another origin", "shop.test", "/cart", "", "https://shop.test/o", "",
        "http://shop.test/cart")]
    [InlineData("9111 §4.4: a relative Location is on the same origin even when Host names the default port", "shop.test:80", "/cart", "", "/o", "",
        "http://shop.test:80/cart http://shop.test:80/o")]
    [InlineData("9110 §4.3.1: an absolute Location naming the default port is the same origin", "shop.test", "/cart", "", "http://shop.test:80/o", "",
        "http://shop.test/cart http://shop.test/o")]
    [InlineData("9111 §4.4: a Location on another port of the same host is not invalidated", "shop.test", "/cart", "", "http://shop.test:8080/o", "",
        "http://shop.test/cart")]
    public void The_target_URI_and_same_origin_Location_and_Content_Location_are_invalidated(
        string clause, string host, string path, string query, string location, string contentLocation, string keys)
    {
        _ = clause;
        var targets = CacheInvalidation.Targets("http", new HostString(host), path, query, location, contentLocation);

        Assert.Equal(keys, string.Join(' ', targets));
    }
}
