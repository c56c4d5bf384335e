using System.Security.Cryptography;
using Appliance.Data.Secrets;

namespace Appliance.Engine.Alerts;

/// <summary>Reads a channel's stored secret back for sending; a key ring that cannot is a delivery failure with a reason, never a crash.</summary>
internal sealed class ChannelSecrets(ConfigSecretProtector protector)
{
    public string? Reveal(string? protectedSecret)
    {
        if (protectedSecret is null)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException ex)
        {
            throw new AlertDeliveryException("The stored secret cannot be decrypted with this node's key ring; set it again.", ex);
        }
    }
}
