using Appliance.Data.Model;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Appliance.Engine.Alerts;

/// <summary>Sends the text through the channel's SMTP server with MailKit: STARTTLS (required when chosen) or plain, signing in when a user is set.</summary>
internal sealed class EmailSender(ChannelSecrets secrets, AlertOptions options) : IAlertSender
{
    public bool Handles(AlertChannelSpec channel) => channel.Email is not null;

    public async Task SendAsync(AlertChannelSpec channel, AlertMessage message, CancellationToken cancellationToken)
    {
        var email = channel.Email!;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(email.From));
        foreach (var to in email.To)
        {
            mail.To.Add(MailboxAddress.Parse(to));
        }

        mail.Subject = message.Subject;
        mail.Headers.Add("X-Appliance-Event", message.Event);
        mail.Headers.Add("X-Appliance-Delivery", message.DeliveryId);
        mail.Body = new TextPart("plain") { Text = message.Text };

        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        var security = email.Security == EmailSecurity.None ? SecureSocketOptions.None : SecureSocketOptions.StartTls;
        await client.ConnectAsync(email.Host, email.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(email.UserName))
        {
            await client.AuthenticateAsync(email.UserName, secrets.Reveal(email.ProtectedPassword) ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
