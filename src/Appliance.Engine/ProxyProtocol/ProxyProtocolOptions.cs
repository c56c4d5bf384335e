using System.ComponentModel.DataAnnotations;
using Appliance.Data.Networking;

namespace Appliance.Engine.ProxyProtocol;

/// <summary>
/// <c>Appliance:Proxy:ProxyProtocol</c>: behind a TCP balancer (HAProxy <c>send-proxy-v2</c>, AWS NLB,
/// …) the balancer's address is every connection's; the PROXY header gives access lists, rate
/// limits and logs the real client back.
/// </summary>
public sealed class ProxyProtocolOptions : IValidatableObject
{
    [EnumDataType(typeof(ProxyProtocolMode), ErrorMessage = "The field {0} must be Off or Required.")]
    public ProxyProtocolMode Mode { get; set; } = ProxyProtocolMode.Off;

    /// <summary>Addresses or CIDR ranges of the balancers; a connection from anywhere else is closed.</summary>
    public List<string> TrustedSources { get; set; } = [];

    /// <summary><see cref="TrustedSources"/> parsed.</summary>
    public System.Net.IPNetwork[] TrustedNetworks() => NetworkRanges.ParseAll(TrustedSources);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var source in TrustedSources)
        {
            if (!NetworkRanges.TryParse(source, out _))
            {
                yield return new ValidationResult($"has '{source}', which is not an address or CIDR range.", [nameof(TrustedSources)]);
            }
        }

        // Believing a header from anyone would let every client choose its own address.
        if (Mode == ProxyProtocolMode.Required && TrustedSources.Count == 0)
        {
            yield return new ValidationResult("must name the balancers' addresses when Mode is Required.", [nameof(TrustedSources)]);
        }
    }
}
