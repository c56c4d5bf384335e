namespace Appliance.Engine.Alerts;

/// <summary>A delivery that failed for a reason worth showing as it is ("status 500", "the stored secret cannot be decrypted").</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException()
    {
    }

    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    public AlertDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
