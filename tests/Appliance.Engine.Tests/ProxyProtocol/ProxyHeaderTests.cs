using System.Buffers;
using System.Net;
using System.Text;
using Appliance.Engine.ProxyProtocol;

namespace Appliance.Engine.Tests.ProxyProtocol;

/// <summary>The PROXY header as HAProxy's proxy-protocol.txt defines it, versions 1 and 2, and what is refused.</summary>
public sealed class ProxyHeaderTests
{
    private static readonly byte[] Signature = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    [Theory]
    [InlineData("PROXY TCP4 198.51.100.7 192.0.2.1 51000 443\r\nGET /", "198.51.100.7", 51000)]
    [InlineData("PROXY TCP6 2001:db8::7 2001:db8::1 51000 443\r\n", "2001:db8::7", 51000)]
    public void Version_1_names_the_client(string text, string address, int port)
    {
        var status = ProxyHeader.TryRead(Bytes(text), out var consumed, out var client);

        Assert.Equal(ProxyHeaderStatus.Parsed, status);
        Assert.Equal(text.IndexOf("\r\n", StringComparison.Ordinal) + 2, consumed);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), client);
    }

    [Fact]
    public void Version_1_UNKNOWN_keeps_the_connections_address()
    {
        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeader.TryRead(Bytes("PROXY UNKNOWN\r\n"), out var consumed, out var client));
        Assert.Equal(15, consumed);
        Assert.Null(client);
    }

    [Theory]
    [InlineData("PROXY TCP4 198.51.100.7")]
    [InlineData("PRO")]
    [InlineData("\r\n\r\n\0\r\nQU")]
    public void A_header_cut_short_waits_for_more(string text) =>
        Assert.Equal(ProxyHeaderStatus.Incomplete, ProxyHeader.TryRead(Bytes(text), out _, out _));

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("PROXY TCP4 198.51.100.7 192.0.2.1 51000\r\n")]
    [InlineData("PROXY TCP4 2001:db8::7 192.0.2.1 51000 443\r\n")]
    [InlineData("PROXY TCP4 198.51.100.7 192.0.2.1 70000 443\r\n")]
    [InlineData("PROXY TCP4 198.51.100.7 192.0.2.1 +1 443\r\n")]
    [InlineData("PROXY UDP4 198.51.100.7 192.0.2.1 1 443\r\n")]
    [InlineData("PROXYTCP4 198.51.100.7 192.0.2.1 1 443\r\n")]
    public void Anything_else_is_refused(string text) =>
        Assert.Equal(ProxyHeaderStatus.Invalid, ProxyHeader.TryRead(Bytes(text), out _, out _));

    [Fact]
    public void A_version_1_line_longer_than_107_bytes_is_refused()
    {
        var text = "PROXY TCP4 " + new string('1', 120);
        Assert.Equal(ProxyHeaderStatus.Invalid, ProxyHeader.TryRead(Bytes(text), out _, out _));
    }

    [Fact]
    public void Version_2_over_IPv4_names_the_client_and_skips_its_TLVs()
    {
        byte[] addresses = [198, 51, 100, 7, 192, 0, 2, 1, 0xC7, 0x38, 0x01, 0xBB];
        byte[] tlv = [0x04, 0x00, 0x02, 0xAB, 0xCD];
        var header = V2(0x21, 0x11, [.. addresses, .. tlv]);

        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeader.TryRead(new ReadOnlySequence<byte>([.. header, .. "GET"u8.ToArray()]), out var consumed, out var client));
        Assert.Equal(header.Length, consumed);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 0xC738), client);
    }

    [Fact]
    public void Version_2_over_IPv6_names_the_client()
    {
        var source = IPAddress.Parse("2001:db8::7").GetAddressBytes();
        var destination = IPAddress.Parse("2001:db8::1").GetAddressBytes();
        var header = V2(0x21, 0x21, [.. source, .. destination, 0x00, 0x50, 0x01, 0xBB]);

        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeader.TryRead(new ReadOnlySequence<byte>(header), out _, out var client));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::7"), 80), client);
    }

    [Fact]
    public void Version_2_LOCAL_is_the_balancers_own_connection()
    {
        var header = V2(0x20, 0x00, []);
        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeader.TryRead(new ReadOnlySequence<byte>(header), out var consumed, out var client));
        Assert.Equal(16, consumed);
        Assert.Null(client);
    }

    [Fact]
    public void Version_2_split_across_segments_is_read_whole()
    {
        var header = V2(0x21, 0x11, [198, 51, 100, 7, 192, 0, 2, 1, 0, 1, 0, 2]);
        var first = new Segment(header.AsMemory(0, 5));
        var last = first.Append(header.AsMemory(5));
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeader.TryRead(sequence, out _, out var client));
        Assert.Equal(IPAddress.Parse("198.51.100.7"), client!.Address);
    }

    [Theory]
    [InlineData(0x31, 0x11)] // version 3
    [InlineData(0x22, 0x11)] // command 2
    public void Version_2_with_an_unknown_version_or_command_is_refused(byte versionCommand, byte family) =>
        Assert.Equal(ProxyHeaderStatus.Invalid, ProxyHeader.TryRead(new ReadOnlySequence<byte>(V2(versionCommand, family, new byte[12])), out _, out _));

    [Fact]
    public void Version_2_with_addresses_shorter_than_their_family_is_refused() =>
        Assert.Equal(ProxyHeaderStatus.Invalid, ProxyHeader.TryRead(new ReadOnlySequence<byte>(V2(0x21, 0x21, new byte[12])), out _, out _));

    [Fact]
    public void Version_2_longer_than_the_bound_is_refused()
    {
        byte[] head = [.. Signature, 0x21, 0x11, 0xFF, 0xFF];
        Assert.Equal(ProxyHeaderStatus.Invalid, ProxyHeader.TryRead(new ReadOnlySequence<byte>(head), out _, out _));
    }

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.ASCII.GetBytes(text));

    private static byte[] V2(byte versionCommand, byte family, byte[] body) =>
        [.. Signature, versionCommand, family, (byte)(body.Length >> 8), (byte)body.Length, .. body];

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
