using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Networking;

namespace Appliance.Engine.Security.Shield;

/// <summary>An access list ready for the request path: parsed networks in order, first match wins, else the default.</summary>
public sealed class CompiledAccessList
{
    private readonly (IPNetwork Network, bool Allow)[] _rules;
    private readonly bool _allowByDefault;

    /// <summary>Compiles <paramref name="list"/>; rules that do not parse (validation refuses them) are left out.</summary>
    public CompiledAccessList(AccessListSpec list)
    {
        Name = list.Name;
        _allowByDefault = list.DefaultAction == AccessActions.Allow;
        Drop = list.DenyAction == AccessActions.Drop;
        Users = (list.BasicAuthUsers ?? [])
            .Where(u => u.PasswordHash is not null)
            .ToDictionary(u => u.User, u => u.PasswordHash!, StringComparer.Ordinal);
        _rules = list.Rules
            .Select(r => (Parsed: NetworkRanges.TryParse(r.Cidr, out var network), Network: network, Allow: r.Action == AccessActions.Allow))
            .Where(r => r.Parsed)
            .Select(r => (r.Network, r.Allow))
            .ToArray();
    }

    public string Name { get; }

    /// <summary>Basic-auth users and their password hashes; empty when the list asks for no sign-in.</summary>
    public IReadOnlyDictionary<string, string> Users { get; }

    /// <summary>A denied client's connection is closed without a reply, rather than given a 403.</summary>
    public bool Drop { get; }

    /// <summary>Whether <paramref name="address"/> may pass, and the index of the deciding rule (-1 for the default).</summary>
    public (bool Allowed, int Rule) Decide(IPAddress address)
    {
        address = ClientAddresses.Normalize(address);
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].Network.Contains(address))
            {
                return (_rules[i].Allow, i);
            }
        }

        return (_allowByDefault, -1);
    }
}
