using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security.Bans;

/// <summary>
/// The scenario on real sockets: a scanner hitting listed paths is banned after the
/// threshold, and its next connection, HTTP or HTTPS, is closed at accept without a byte; other
/// clients are served; an unban lets it back; a short ban runs out by itself.
/// </summary>
public sealed class ScannerBanTests(BanHost host) : IClassFixture<BanHost>
{
    [Fact]
    public async Task A_scanner_is_banned_after_the_threshold_closed_at_accept_on_HTTP_and_HTTPS_others_served_and_an_unban_restores_it()
    {
        var scanner = IPAddress.Parse("127.0.0.11");
        var other = "127.0.0.12";

        // Unmatched hosts and the matched route alike, four spellings of listed paths: four count, not yet banned.
        Assert.Equal(404, await host.StatusFromAsync("127.0.0.11", "/x/../wp-login.php", "nobody.test"));
        Assert.Equal(404, await host.StatusFromAsync("127.0.0.11", "//.env", "nobody.test"));
        Assert.Equal(404, await host.StatusFromAsync("127.0.0.11", "/.git/config", "other.test"));
        Assert.Equal(200, await host.StatusFromAsync("127.0.0.11", "/WP-LOGIN.PHP;jsessionid=1"));
        Assert.Equal(200, await host.StatusFromAsync("127.0.0.11", "/"));
        Assert.False(await SourceBoundHttp.ClosedUnansweredAsync(scanner, host.Http));

        // The fifth: banned.
        Assert.Equal(404, await host.StatusFromAsync("127.0.0.11", "/.env.local", "nobody.test"));
        Assert.Contains("127.0.0.11", await host.BannedAsync());

        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(scanner, host.Http), "the scanner's HTTP connection was not closed at accept");
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(scanner, host.HttpsAddress), "the scanner's HTTPS connection was not closed before the handshake");
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeFromAsync(scanner));
        Assert.Equal(0, await host.StatusFromAsync("127.0.0.11", "/"));

        Assert.Equal(200, await host.StatusFromAsync(other, "/"));
        await HandshakeFromAsync(IPAddress.Parse(other));

        var metrics = await host.MetricsAsync();
        Assert.Matches("appliance_bans_total\\{rule=\"probe\"\\} [1-9]", metrics);
        Assert.Matches("appliance_connections_dropped_total\\{reason=\"ban\"\\} [1-9]", metrics);
        Assert.Matches("appliance_bans_active [1-9]", metrics);

        var unban = await host.Api.DeleteAsync("/api/v1/bans/127.0.0.11");
        Assert.Equal(HttpStatusCode.NoContent, unban.StatusCode);
        Assert.DoesNotContain("127.0.0.11", await host.BannedAsync());
        Assert.Equal(200, await host.StatusFromAsync("127.0.0.11", "/"));
        await HandshakeFromAsync(scanner);

        // Counting starts afresh: one more listed path is one, not six.
        Assert.Equal(404, await host.StatusFromAsync("127.0.0.11", "/.env", "nobody.test"));
        Assert.Equal(200, await host.StatusFromAsync("127.0.0.11", "/"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.DeleteAsync("/api/v1/bans/127.0.0.11")).StatusCode);
    }

    [Fact]
    public async Task The_API_lists_a_ban_with_its_rule_reason_since_and_until()
    {
        Assert.Equal(404, await host.StatusFromAsync("127.0.0.13", "/instant.php", "nobody.test"));

        var bans = await host.Api.GetFromJsonAsync<BanHost.BanView[]>("/api/v1/bans");
        var ban = Assert.Single(bans!, b => b.Subject == "127.0.0.13");
        Assert.Equal("instant", ban.Rule);
        Assert.Null(ban.Actor);
        Assert.Contains("'instant'", ban.Reason, StringComparison.Ordinal);
        Assert.Contains("/instant.php", ban.Reason, StringComparison.Ordinal);
        Assert.InRange(ban.Until - ban.Since, TimeSpan.FromSeconds(3599), TimeSpan.FromSeconds(3601));
        Assert.InRange(ban.Since, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_ban_runs_out_by_itself()
    {
        var client = IPAddress.Parse("127.0.0.14");
        Assert.Equal(200, await host.StatusFromAsync("127.0.0.14", "/brief-probe"));
        Assert.Equal(200, await host.StatusFromAsync("127.0.0.14", "/brief-probe"));
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(client, host.Http));

        await Eventually.TrueAsync(async () => await host.StatusFromAsync("127.0.0.14", "/") == 200, TimeSpan.FromSeconds(15), "the 2-second ban to run out");
        Assert.DoesNotContain("127.0.0.14", await host.BannedAsync());
    }

    [Fact]
    public async Task A_client_banned_while_its_connection_is_open_loses_it_at_its_next_request()
    {
        using var tcp = await SourceBoundHttp.ConnectAsync(IPAddress.Parse("127.0.0.15"), host.Http);
        var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        await stream.WriteAsync("GET /instant.php HTTP/1.1\r\nHost: nobody.test\r\n\r\n"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 404", await reader.ReadLineAsync());
        await DrainAsync(reader);

        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: site.test\r\n\r\n"u8.ToArray());
        Assert.Null(await ReadLineOrNullAsync(reader));
    }

    [Fact]
    public async Task Four_403s_on_two_routes_add_up_to_one_ban()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(403, await host.StatusFromAsync("127.0.0.40", "/", i % 2 == 0 ? "guarded-a.test" : "guarded-b.test"));
        }

        Assert.DoesNotContain("127.0.0.40", await host.BannedAsync());
        Assert.Equal(403, await host.StatusFromAsync("127.0.0.40", "/", "guarded-b.test"));
        Assert.Contains("127.0.0.40", await host.BannedAsync());
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse("127.0.0.40"), host.Http));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_banned_client_gets_403_the_proxy_keeps_its_connection_and_other_clients_pass()
    {
        var proxy = IPAddress.Parse("127.0.0.20");
        Assert.Equal(404, await host.StatusFromAsync("127.0.0.20", "/instant.php", "nobody.test", "X-Forwarded-For: 198.51.100.77"));
        Assert.Contains("198.51.100.77", await host.BannedAsync());
        Assert.DoesNotContain("127.0.0.20", await host.BannedAsync());

        using var tcp = await SourceBoundHttp.ConnectAsync(proxy, host.Http);
        var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: site.test\r\nX-Forwarded-For: 198.51.100.77\r\n\r\n"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 403", await reader.ReadLineAsync());
        await DrainAsync(reader);
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: site.test\r\nX-Forwarded-For: 198.51.100.78\r\n\r\n"u8.ToArray());
        Assert.StartsWith("HTTP/1.1 200", await reader.ReadLineAsync());
    }

    [Fact]
    public async Task A_global_access_list_with_Drop_closes_a_denied_peer_at_accept_and_only_that_peer()
    {
        await host.PostAsync("/api/v1/access-lists", new { name = "drop-one", global = true, defaultAction = "Allow", denyAction = "Drop", rules = new[] { new { cidr = "127.0.0.30/32", action = "Deny" } } });
        await host.WaitForLiveConfigAsync();
        try
        {
            Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse("127.0.0.30"), host.Http));
            Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse("127.0.0.30"), host.HttpsAddress));
            Assert.Equal(200, await host.StatusFromAsync("127.0.0.31", "/"));
            Assert.Matches("appliance_connections_dropped_total\\{reason=\"access-list\"\\} [1-9]", await host.MetricsAsync());
        }
        finally
        {
            await host.Api.DeleteAsync("/api/v1/access-lists/drop-one");
            await host.WaitForLiveConfigAsync();
        }

        Assert.Equal(200, await host.StatusFromAsync("127.0.0.30", "/"));
    }

    private async Task HandshakeFromAsync(IPAddress source)
    {
        using var tcp = await SourceBoundHttp.ConnectAsync(source, host.HttpsAddress);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = BanHost.Site }).WaitAsync(TimeSpan.FromSeconds(10));
    }

    // The rest of one response on a kept-alive connection: headers, then a body by length or in chunks.
    private static async Task DrainAsync(StreamReader reader)
    {
        var length = 0;
        var chunked = false;
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }

            chunked |= line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        }

        if (!chunked)
        {
            await reader.ReadBlockAsync(new char[length]);
            return;
        }

        while (int.Parse((await reader.ReadLineAsync())!.Split(';')[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) is var size and > 0)
        {
            await reader.ReadBlockAsync(new char[size]);
            await reader.ReadLineAsync();
        }

        await reader.ReadLineAsync();
    }

    private static async Task<string?> ReadLineOrNullAsync(StreamReader reader)
    {
        try
        {
            return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
