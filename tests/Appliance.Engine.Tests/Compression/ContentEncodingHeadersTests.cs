using Appliance.Engine.Compression;

namespace Appliance.Engine.Tests.Compression;

public sealed class ContentEncodingHeadersTests
{
    private const string Text = "Content-Type: text/html; charset=utf-8";

    [Theory]
    [InlineData("9110 §8.4: an unencoded text body of 1 KiB may be encoded", 200, Text, 1024, true)]
    [InlineData("9110 §8.4: an error page is content too", 404, Text, 4096, true)]
    [InlineData("9110 §15.3.5: a 204 has no content to encode", 204, Text, 4096, false)]
    [InlineData("9110 §15.3.7: a 206 part is a range of the unencoded representation", 206, Text, 4096, false)]
    [InlineData("9110 §14.4: Content-Range marks a part whatever the status", 200, Text + " | Content-Range: bytes 0-4095/8192", 4096, false)]
    [InlineData("9110 §15.4.5: a 304 has no content", 304, Text, 4096, false)]
    [InlineData("9110 §15.2: an interim answer has no content", 103, Text, 4096, false)]
    [InlineData("9110 §8.4: an encoded body is not encoded twice", 200, Text + " | Content-Encoding: gzip", 4096, false)]
    [InlineData("9111 §5.2.2.6: no-transform forbids adding a coding", 200, Text + " | Cache-Control: public, no-transform", 4096, false)]
    [InlineData("9111 §5.2.2.6: no-transform is a case-insensitive token", 200, Text + " | Cache-Control: No-Transform", 4096, false)]
    [InlineData("9111 §5.2.2.6: no-transform in a malformed Cache-Control is still obeyed", 200, Text + " | Cache-Control: no-transform, x=\"open", 4096, false)]
    [InlineData("appliance: a body under 1 KiB grows when encoded", 200, Text, 1023, false)]
    [InlineData("appliance: images are compressed already", 200, "Content-Type: image/png", 4096, false)]
    [InlineData("appliance: JSON is text", 200, "Content-Type: application/problem+json", 4096, true)]
    [InlineData("appliance: no Content-Type, no guess", 200, "", 4096, false)]
    public void A_response_may_be_encoded_only_when_nothing_forbids_it_and_it_is_worth_it(string clause, int status, string headers, long length, bool mayEncode)
    {
        _ = clause;
        Assert.Equal(mayEncode, ContentEncodingHeaders.MayEncode(status, HeaderLines.Parse(headers), length));
    }

    [Theory]
    [InlineData("9110 §8.4: Content-Encoding names the coding", "", "br", "br", "Accept-Encoding", null)]
    [InlineData("9110 §12.5.5: Vary adds Accept-Encoding to what the origin varied on", "Vary: Accept-Language", "gzip", "gzip", "Accept-Language,Accept-Encoding", null)]
    [InlineData("9110 §8.8.1: a strong ETag named the unencoded bytes and becomes weak", "ETag: \"v1\"", "zstd", "zstd", "Accept-Encoding", "W/\"v1\"")]
    [InlineData("9110 §8.8.1: a weak ETag stays as it is", "ETag: W/\"v1\"", "br", "br", "Accept-Encoding", "W/\"v1\"")]
    public void An_encoded_body_is_announced_varied_on_Accept_Encoding_and_loses_its_strong_validator(
        string clause, string before, string coding, string contentEncoding, string vary, string? etag)
    {
        _ = clause;
        var headers = HeaderLines.Parse(before);

        ContentEncodingHeaders.Apply(headers, coding);

        Assert.Equal(contentEncoding, headers.ContentEncoding.ToString());
        Assert.Equal(vary, headers.Vary.ToString());
        Assert.Equal(etag, headers.ETag.Count == 0 ? null : headers.ETag.ToString());
    }
}
