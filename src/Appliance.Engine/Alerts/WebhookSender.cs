using System.Globalization;
using System.Net.Http.Headers;
using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>
/// POSTs the JSON to the channel's URL, signed when it has a secret. Any 2xx is delivered; redirects
/// are not followed (the body would go somewhere not configured).
/// </summary>
internal sealed class WebhookSender : IAlertSender, IDisposable
{
    private readonly HttpClient _client;
    private readonly ChannelSecrets _secrets;

    public WebhookSender(ChannelSecrets secrets)
    {
        _secrets = secrets;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            // Each attempt has its own timeout from the delivery's token.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Appliance-Alerts", "1"));
    }

    public bool Handles(AlertChannelSpec channel) => channel.Webhook is not null;

    public async Task SendAsync(AlertChannelSpec channel, AlertMessage message, CancellationToken cancellationToken)
    {
        var webhook = channel.Webhook!;
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(message.Json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Appliance-Event", message.Event);
        request.Headers.Add("X-Appliance-Delivery", message.DeliveryId);
        if (_secrets.Reveal(webhook.ProtectedSecret) is { } secret)
        {
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(secret, message.Json));
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AlertDeliveryException("status " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => _client.Dispose();
}
