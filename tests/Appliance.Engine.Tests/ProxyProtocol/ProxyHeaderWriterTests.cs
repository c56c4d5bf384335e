using System.Buffers;
using System.Net;
using Appliance.Engine.ProxyProtocol;

namespace Appliance.Engine.Tests.ProxyProtocol;

/// <summary>The version 2 header a stream sends its backend reads back as the client it names, in the family the backend expects.</summary>
public sealed class ProxyHeaderWriterTests
{
    [Theory]
    [InlineData("198.51.100.7", "192.0.2.1", "198.51.100.7", 28)]
    [InlineData("::ffff:198.51.100.7", "::ffff:192.0.2.1", "198.51.100.7", 28)]
    [InlineData("2001:db8::7", "2001:db8::1", "2001:db8::7", 52)]
    [InlineData("198.51.100.7", "2001:db8::1", "::ffff:198.51.100.7", 52)]
    public void The_header_reads_back_as_the_client(string client, string local, string expected, int length)
    {
        var header = ProxyHeaderWriter.V2(new IPEndPoint(IPAddress.Parse(client), 51000), new IPEndPoint(IPAddress.Parse(local), 5432));

        Assert.Equal(length, header.Length);
        Assert.Equal(ProxyHeaderStatus.Parsed, ProxyHeader.TryRead(new ReadOnlySequence<byte>(header), out var consumed, out var named));
        Assert.Equal(length, consumed);
        Assert.Equal(IPAddress.Parse(expected), named!.Address);
        Assert.Equal(51000, named.Port);
        Assert.Equal(0x21, header[12]);
    }
}
