using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Engine.Tests.Health;

/// <summary>What the forwarder leaves on a request it could not get through.</summary>
internal sealed class ForwarderFailure(ForwarderError error) : IForwarderErrorFeature
{
    public ForwarderError Error { get; } = error;

    public Exception? Exception => null;
}
