using System.Net;

namespace Appliance.Engine.Security.Shield;

/// <summary>One access rule ready for the request path: a parsed network, or a country code; a rule that did not parse matches nothing.</summary>
internal readonly record struct CompiledAccessRule(IPNetwork? Network, string? Country, bool Allow);
