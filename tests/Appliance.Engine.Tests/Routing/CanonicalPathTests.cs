using Appliance.Engine.Routing;

namespace Appliance.Engine.Tests.Routing;

public sealed class CanonicalPathTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/secret")]
    [InlineData("/static/app.min.css?v=3")]
    [InlineData("/admin/")]
    [InlineData("http://example.test")]
    [InlineData("http://example.test/admin")]
    [InlineData("/a-b_c~d/e!$&'()*+,:=@")]
    [InlineData("*")]
    public void A_target_that_is_already_canonical_costs_nothing(string target)
    {
        Assert.Null(CanonicalPath.From(target, out var valid));
        Assert.True(valid);
    }

    [Theory]
    // Repeated slashes, dot segments and backslashes.
    [InlineData("//admin/secret", "/admin/secret", "/admin/secret")]
    [InlineData("///admin//secret", "/admin/secret", "/admin/secret")]
    [InlineData("/.//admin/secret", "/admin/secret", "/admin/secret")]
    [InlineData("/./admin/./secret", "/admin/secret", "/admin/secret")]
    [InlineData("/public/../admin/secret", "/admin/secret", "/admin/secret")]
    [InlineData("/../../admin/secret", "/admin/secret", "/admin/secret")]
    [InlineData("/%2e/admin/%2E%2E/admin/secret", "/admin/secret", "/admin/secret")]
    [InlineData("/admin/secret/.", "/admin/secret/", "/admin/secret/")]
    [InlineData("/admin/secret/..", "/admin/", "/admin/")]
    [InlineData("/\\admin\\secret", "/admin/secret", "/admin/secret")]
    // Path parameters never change the route; an encoded semicolon is data.
    [InlineData("/admin;x/secret", "/admin/secret", "/admin/secret")]
    [InlineData("/admin;jsessionid=1;a=b", "/admin", "/admin")]
    [InlineData("/;x/admin/secret;y", "/admin/secret", "/admin/secret")]
    [InlineData("/admin%3Bx/secret", "/admin;x/secret", "/admin%3Bx/secret")]
    // Encoded slashes reach the backend as sent, and count as separators for every decision.
    [InlineData("/files/a%2Fb", "/files/a/b", "/files/a%2Fb")]
    [InlineData("/files/a%2fb", "/files/a/b", "/files/a%2Fb")]
    [InlineData("/%2Fadmin/secret", "/admin/secret", "/%2Fadmin/secret")]
    [InlineData("/admin%5Csecret", "/admin/secret", "/admin%5Csecret")]
    [InlineData("/files/a%2F%2Fb%2F", "/files/a/b/", "/files/a%2F%2Fb%2F")]
    [InlineData("/files/a%2F.b%2F...%2Fc", "/files/a/.b/.../c", "/files/a%2F.b%2F...%2Fc")]
    // One spelling per character: unreserved escapes decoded, others in upper-case hex, the rest encoded.
    [InlineData("/%61dmin/secret", "/admin/secret", "/admin/secret")]
    [InlineData("/a%20b/c%3f", "/a b/c?", "/a%20b/c%3F")]
    [InlineData("/100%/x", "/100%/x", "/100%25/x")]
    [InlineData("/caf%C3%A9", "/café", "/caf%C3%A9")]
    [InlineData("/a%252Fb", "/a%2Fb", "/a%252Fb")]
    // Absolute form: the path after the authority.
    [InlineData("http://example.test//admin/secret?q=1", "/admin/secret", "/admin/secret")]
    public void Every_spelling_of_a_path_becomes_one_decision_path_and_one_forward_path(string target, string decision, string forward)
    {
        var canonical = CanonicalPath.From(target, out var valid);

        Assert.True(valid);
        Assert.NotNull(canonical);
        Assert.Equal(decision, canonical.Decision);
        Assert.Equal(forward, canonical.Forward);
    }

    [Theory]
    [InlineData("/a%00b")]
    [InlineData("/a%0d%0aSet-Cookie:x")]
    [InlineData("/a%7F")]
    public void A_path_that_decodes_to_a_control_character_is_invalid(string target)
    {
        CanonicalPath.From(target, out var valid);

        Assert.False(valid);
    }

    [Theory]
    // Dot segments that only appear once an encoded separator is decoded: the backend reads %2F as
    // data and stays under the prefix, so the decision must not resolve them either.
    [InlineData("/public/..%2Fadmin/secret")]
    [InlineData("/admin/..%2Fsecret")]
    [InlineData("/admin/x%2F..%2F..%2Fsecret")]
    [InlineData("/admin/x%2f..%2f..%2fsecret")]
    [InlineData("/internal/x%5C..%5C..%5Csecret")]
    [InlineData("/admin/x%5C..%5Csecret")]
    [InlineData("/admin/%2e%2e%2Fsecret")]
    [InlineData("/admin/.%2Fsecret")]
    [InlineData("/admin/x%2F.")]
    [InlineData("/admin/x%2F..")]
    [InlineData("/admin/x%2F..;y/secret")]
    public void A_path_whose_encoded_separators_reveal_a_dot_segment_is_invalid(string target)
    {
        Assert.Null(CanonicalPath.From(target, out var valid));
        Assert.False(valid);
    }

    [Theory]
    [InlineData("/admin/%c0%ae%c0%ae/secret")]
    [InlineData("/admin/%C0%AF")]
    [InlineData("/caf%E9")]
    [InlineData("/caf%C3")]
    [InlineData("/a%ED%A0%80")]
    [InlineData("/a%FF")]
    public void A_path_whose_escapes_are_not_UTF_8_is_invalid(string target)
    {
        Assert.Null(CanonicalPath.From(target, out var valid));
        Assert.False(valid);
    }

    [Theory]
    [InlineData("/files/report;v2.pdf")]
    [InlineData("/admin;jsessionid=1/secret")]
    [InlineData("/;")]
    [InlineData("http://example.test/a;b")]
    public void Rejecting_path_parameters_refuses_any_raw_semicolon_in_the_path(string target)
    {
        Assert.Null(CanonicalPath.From(target, PathParameterMode.Reject, out var valid));
        Assert.False(valid);
    }

    [Theory]
    [InlineData("/files/report%3Bv2.pdf", "/files/report;v2.pdf", "/files/report%3Bv2.pdf")]
    [InlineData("//files/a?x=1;y=2", "/files/a", "/files/a")]
    public void Rejecting_path_parameters_keeps_an_encoded_semicolon_and_one_in_the_query(string target, string decision, string forward)
    {
        var canonical = CanonicalPath.From(target, PathParameterMode.Reject, out var valid);

        Assert.True(valid);
        Assert.Equal(decision, canonical!.Decision);
        Assert.Equal(forward, canonical.Forward);
    }

    [Fact]
    public void Stripping_path_parameters_is_the_default()
    {
        var canonical = CanonicalPath.From("/files/report;v2.pdf", PathParameterMode.Strip, out var valid);

        Assert.True(valid);
        Assert.Equal("/files/report", canonical!.Forward);
        Assert.Equal(PathParameterMode.Strip, new Appliance.Engine.DataPlane.ProxyOptions().PathParameters);
    }

    [Fact]
    public void The_query_is_not_part_of_the_path()
    {
        var canonical = CanonicalPath.From("//a/./b?x=//y/../z;w", out _);

        Assert.Equal("/a/b", canonical!.Forward);
    }
}
