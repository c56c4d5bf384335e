using System.Net;
using System.Net.Mail;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AlertChannels;

/// <summary>
/// An e-mail channel: the SMTP server, how to talk to it, whom to sign in as, and the addresses.
/// A password is never sent in clear to another host: without STARTTLS, signing in is allowed only
/// to a server on this host.
/// </summary>
internal sealed class EmailChannelValidator : IConfigValidator<AlertChannelSpec>
{
    public const int MaxRecipients = 20;

    public void Validate(AlertChannelSpec channel, ConfigValidationContext context, ValidationErrors errors)
    {
        if (channel.Email is not { } email)
        {
            return;
        }

        var host = email.Host ?? "";
        if (host.Length is 0 or > 253 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            errors.Add("email.host", "Give the SMTP server's host name or IP address, without a scheme or port.");
        }

        if (email.Port is < 1 or > 65535)
        {
            errors.Add("email.port", "Use a port from 1 to 65535 (587 for STARTTLS, 25 for a local relay).");
        }

        if (!EmailSecurity.All.Contains(email.Security))
        {
            errors.Add("email.security", $"Use {EmailSecurity.StartTls} or {EmailSecurity.None}.");
        }

        CheckSignIn(email, host, errors);
        if (!IsAddress(email.From))
        {
            errors.Add("email.from", "Give the sender's address, such as appliance@example.com.");
        }

        if (email.To is null || email.To.Count is 0 or > MaxRecipients)
        {
            errors.Add("email.to", $"Give 1 to {MaxRecipients} recipients.");
            return;
        }

        for (var i = 0; i < email.To.Count; i++)
        {
            if (!IsAddress(email.To[i]))
            {
                errors.Add($"email.to[{i}]", $"'{email.To[i]}' is not an e-mail address.");
            }
        }
    }

    private static void CheckSignIn(EmailChannelSpec email, string host, ValidationErrors errors)
    {
        var user = email.UserName ?? "";
        if (user.Length > 256 || user.Any(char.IsControl))
        {
            errors.Add("email.userName", "Use at most 256 characters without control characters.");
        }

        if (user.Length == 0)
        {
            if (email.HasPassword)
            {
                errors.Add("email.userName", "A user name is needed to sign in with the password (or remove the password with \"\").");
            }

            return;
        }

        if (!email.HasPassword)
        {
            errors.Add("email.password", $"A password is required to sign in as '{user}'.");
        }

        if (email.Security == EmailSecurity.None && !IsThisHost(host))
        {
            errors.Add("email.security", "Signing in without TLS would send the password in clear: use StartTls, or a relay on this host (localhost, 127.0.0.1, ::1).");
        }
    }

    private static bool IsThisHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= 320 && !text.Any(char.IsControl)
        && MailAddress.TryCreate(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal);
}
