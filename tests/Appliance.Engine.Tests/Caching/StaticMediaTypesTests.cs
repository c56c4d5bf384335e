using Appliance.Engine.Caching;

namespace Appliance.Engine.Tests.Caching;

public sealed class StaticMediaTypesTests
{
    [Theory]
    [InlineData("*.jpg", "jpg")]
    [InlineData("**/*.css", "css")]
    [InlineData("/static/*.js", "js")]
    [InlineData("/static/app.min.mjs", "mjs")]
    [InlineData("*.tar.gz", "gz")]
    [InlineData("/static/**", null)]
    [InlineData("/", null)]
    [InlineData("*.noquery", null)]
    [InlineData("*.jp*", null)]
    [InlineData("/v1.2/*", null)]
    public void A_rule_names_the_extension_of_its_last_segment_when_the_table_knows_it(string match, string? extension) =>
        Assert.Equal(extension, StaticMediaTypes.ExtensionOf(match));

    [Theory]
    [InlineData("jpg", "image/jpeg", true)]
    [InlineData("JPG", "IMAGE/JPEG", true)]
    [InlineData("jpg", "text/html; charset=utf-8", false)]
    [InlineData("jpg", null, false)]
    [InlineData("jpg", "", false)]
    [InlineData("css", "text/css; charset=utf-8", true)]
    [InlineData("css", "text/plain", false)]
    [InlineData("js", "application/javascript", true)]
    [InlineData("mjs", "text/javascript", true)]
    [InlineData("js", "text/html", false)]
    [InlineData("json", "application/ld+json", true)]
    [InlineData("json", "text/html", false)]
    [InlineData("svg", "image/svg+xml", true)]
    [InlineData("woff2", "application/octet-stream", true)]
    [InlineData("png", "application/octet-stream", false)]
    [InlineData("wasm", "application/wasm", true)]
    [InlineData("html", "text/html", true)]
    [InlineData("noquery", "text/html", true)]
    public void An_answer_fits_when_its_media_type_is_one_the_extension_stands_for(string extension, string? contentType, bool fits) =>
        Assert.Equal(fits, StaticMediaTypes.Fits(extension, contentType));
}
