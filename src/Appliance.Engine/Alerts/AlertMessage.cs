namespace Appliance.Engine.Alerts;

/// <summary>One notification as a channel sends it: the webhook's JSON body, and an e-mail's subject and text.</summary>
public sealed record AlertMessage(string DeliveryId, string Event, byte[] Json, string Subject, string Text);
