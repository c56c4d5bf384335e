using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Streams;

/// <summary>
/// Where a stream takes its connections: exactly one of its own port and SNI hosts; a port in
/// range, free of the appliance's own listeners and of every other stream.
/// </summary>
internal sealed class StreamPortValidator : IConfigValidator<StreamSpec>
{
    public void Validate(StreamSpec stream, ConfigValidationContext context, ValidationErrors errors)
    {
        var hasHosts = stream.SniHosts is { Count: > 0 };
        if (stream.ListenPort is null)
        {
            if (!hasHosts)
            {
                errors.Add("listenPort", "Give the stream a port of its own, or SNI hosts to take from the HTTPS port.");
            }

            return;
        }

        var port = stream.ListenPort.Value;
        if (hasHosts)
        {
            errors.Add("listenPort", "A stream has a port of its own or SNI hosts on the HTTPS port, not both: leave one empty.");
        }

        if (port is < 1 or > 65535)
        {
            errors.Add("listenPort", "The port must be between 1 and 65535.");
        }
        else if (context.ReservedPorts.TryGetValue(port, out var owner))
        {
            errors.Add("listenPort", $"Port {port} is {owner}.");
        }
        else if (context.Document?.Streams.FirstOrDefault(s => s is not null && s.ListenPort == port && s.Name != stream.Name) is { } other)
        {
            errors.Add("listenPort", $"Port {port} is taken by stream '{other.Name}'.");
        }
    }
}
