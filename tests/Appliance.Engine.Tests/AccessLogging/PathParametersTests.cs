using Appliance.Engine.AccessLogging.Viewer;

namespace Appliance.Engine.Tests.AccessLogging;

public sealed class PathParametersTests
{
    [Theory]
    [InlineData("/plain/path", "/plain/path")]
    [InlineData("/app;jsessionid=SECRET/x", "/app/x")]
    [InlineData("/a;b=1;c=2/d;e", "/a/d")]
    [InlineData(";x", "")]
    [InlineData("/x;", "/x")]
    public void Parameters_are_cut_from_every_segment(string path, string expected) =>
        Assert.Equal(expected, PathParameters.Strip(path));

    [Fact]
    public void A_path_without_parameters_is_kept_as_it_is() =>
        Assert.Same("/no/params", PathParameters.Strip("/no/params"));
}
