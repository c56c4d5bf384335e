using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Networking;
using Appliance.Engine.GeoIp;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// An access list ready for the request path: parsed networks and country codes in order, first
/// match wins, else the default. The client's country is looked up only when a country rule is
/// reached, so a list of address rules costs no lookup.
/// </summary>
public sealed class CompiledAccessList
{
    private readonly CompiledAccessRule[] _rules;
    private readonly CountryDatabase? _countries;
    private readonly bool _allowByDefault;

    /// <summary>
    /// Compiles <paramref name="list"/>, its country rules read from <paramref name="countries"/>.
    /// Rules that do not parse (validation refuses them) and country rules without a database
    /// match nothing, and keep their place so that a rule's index is its index in the list.
    /// </summary>
    public CompiledAccessList(AccessListSpec list, CountryDatabase? countries = null)
    {
        Name = list.Name;
        _countries = countries;
        _allowByDefault = list.DefaultAction == AccessActions.Allow;
        Drop = list.DenyAction == AccessActions.Drop;
        Users = (list.BasicAuthUsers ?? [])
            .Where(u => u.PasswordHash is not null)
            .ToDictionary(u => u.User, u => u.PasswordHash!, StringComparer.Ordinal);
        _rules = list.Rules.Select(Compile).ToArray();
        HasCountryRules = _rules.Any(r => r.Country is not null);
    }

    public string Name { get; }

    /// <summary>Basic-auth users and their password hashes; empty when the list asks for no sign-in.</summary>
    public IReadOnlyDictionary<string, string> Users { get; }

    /// <summary>A denied client's connection is closed without a reply, rather than given a 403.</summary>
    public bool Drop { get; }

    /// <summary>Some rule names a country: deciding may take a country lookup.</summary>
    public bool HasCountryRules { get; }

    /// <summary>Whether <paramref name="address"/> may pass, and the index of the deciding rule (-1 for the default).</summary>
    public (bool Allowed, int Rule) Decide(IPAddress address)
    {
        address = ClientAddresses.Normalize(address);
        string? country = null;
        var looked = false;
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            if (rule.Network is { } network)
            {
                if (network.Contains(address))
                {
                    return (rule.Allow, i);
                }

                continue;
            }

            if (rule.Country is null)
            {
                continue;
            }

            if (!looked)
            {
                country = _countries?.FindCountry(address);
                looked = true;
            }

            // An address the database places in no country matches no country rule.
            if (country is not null && string.Equals(rule.Country, country, StringComparison.Ordinal))
            {
                return (rule.Allow, i);
            }
        }

        return (_allowByDefault, -1);
    }

    /// <summary>The country rule <paramref name="rule"/> (an index from <see cref="Decide"/>) names, or null for an address rule or the default.</summary>
    public string? CountryOf(int rule) => rule >= 0 && rule < _rules.Length ? _rules[rule].Country : null;

    private static CompiledAccessRule Compile(AccessRuleSpec rule)
    {
        var allow = rule.Action == AccessActions.Allow;
        if (rule.Country is { } country)
        {
            return new CompiledAccessRule(null, country, allow);
        }

        return NetworkRanges.TryParse(rule.Cidr, out var network)
            ? new CompiledAccessRule(network, null, allow)
            : new CompiledAccessRule(null, null, allow);
    }
}
