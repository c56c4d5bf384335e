using Appliance.Data.ConfigKinds.AlertChannels;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Alerts;

public sealed class AlertChannelValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("hooks.example.com/appliance")]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("/relative")]
    public void A_webhook_needs_an_absolute_http_url(string url)
    {
        var errors = ValidatorRun.Errors(new WebhookChannelValidator(), Webhook(url));

        Assert.Contains("absolute http://", Assert.Single(errors["webhook.url"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_url_cannot_carry_credentials_which_answers_and_the_audit_would_show()
    {
        var errors = ValidatorRun.Errors(new WebhookChannelValidator(), Webhook("https://user:pass@hooks.example.com/x"));

        Assert.Contains("cannot carry a user name or password", Assert.Single(errors["webhook.url"]), StringComparison.Ordinal);
        Assert.Empty(ValidatorRun.Errors(new WebhookChannelValidator(), Webhook("https://hooks.example.com/x?token=1")));
    }

    [Fact]
    public void A_channel_is_exactly_one_of_a_webhook_and_an_email()
    {
        Assert.Contains("exactly one", ValidatorRun.Errors(new AlertChannelValidator(), new AlertChannelSpec { Name = "x" })["webhook"][0], StringComparison.Ordinal);
        var both = new AlertChannelSpec { Name = "x", Webhook = new WebhookChannelSpec(), Email = new EmailChannelSpec() };
        Assert.Contains("exactly one", ValidatorRun.Errors(new AlertChannelValidator(), both)["email"][0], StringComparison.Ordinal);
        Assert.Contains("name", ValidatorRun.Errors(new AlertChannelValidator(), Webhook("https://x.test") with { Name = "Not A Slug" }).Keys);
    }

    [Fact]
    public void An_email_channel_names_each_wrong_field()
    {
        var spec = Email(new EmailChannelSpec { Host = "smtp example", Port = 0, Security = "Tls", From = "nobody", To = ["ops@example.com", "not an address"] });

        var errors = ValidatorRun.Errors(new EmailChannelValidator(), spec);

        Assert.Equal(["email.from", "email.host", "email.port", "email.security", "email.to[1]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_email_channel_needs_one_to_twenty_recipients()
    {
        Assert.Contains("email.to", ValidatorRun.Errors(new EmailChannelValidator(), Email(Valid() with { To = [] })).Keys);
        Assert.Contains("email.to", ValidatorRun.Errors(new EmailChannelValidator(), Email(Valid() with { To = Enumerable.Range(0, 21).Select(i => $"a{i}@example.com").ToArray() })).Keys);
        Assert.Empty(ValidatorRun.Errors(new EmailChannelValidator(), Email(Valid())));
    }

    [Fact]
    public void Signing_in_needs_a_password_and_never_goes_in_clear_to_another_host()
    {
        var noPassword = ValidatorRun.Errors(new EmailChannelValidator(), Email(Valid() with { UserName = "ops" }));
        Assert.Contains("A password is required", noPassword["email.password"][0], StringComparison.Ordinal);

        var clear = ValidatorRun.Errors(new EmailChannelValidator(), Email(Valid() with { UserName = "ops", HasPassword = true, Security = EmailSecurity.None }));
        Assert.Contains("in clear", clear["email.security"][0], StringComparison.Ordinal);

        foreach (var local in new[] { "localhost", "127.0.0.1", "::1" })
        {
            Assert.Empty(ValidatorRun.Errors(new EmailChannelValidator(), Email(Valid() with { Host = local, UserName = "ops", HasPassword = true, Security = EmailSecurity.None })));
        }

        var passwordWithoutUser = ValidatorRun.Errors(new EmailChannelValidator(), Email(Valid() with { HasPassword = true }));
        Assert.Contains("email.userName", passwordWithoutUser.Keys);
    }

    private static EmailChannelSpec Valid() => new() { Host = "smtp.example.com", Port = 587, From = "appliance@example.com", To = ["ops@example.com"] };

    private static AlertChannelSpec Webhook(string url) => new() { Name = "hook", Webhook = new WebhookChannelSpec { Url = url } };

    private static AlertChannelSpec Email(EmailChannelSpec email) => new() { Name = "mail", Email = email };
}
