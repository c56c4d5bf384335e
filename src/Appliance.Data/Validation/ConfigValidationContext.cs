using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.Validation;

/// <summary>
/// What a validator may ask about the rest of the configuration: which names exist for each kind of
/// object, which certificates exist, the whole document (for rules across objects, such as a
/// stream's port against the other streams'), the ports the appliance itself listens on and whether
/// access lists may name countries. A
/// kind (or the certificates, or the document) the context knows nothing about is not checked, so
/// that one object can also be validated alone.
/// </summary>
internal sealed class ConfigValidationContext(
    IReadOnlyDictionary<Type, IReadOnlySet<string>> names,
    IReadOnlySet<string>? certificateNames,
    ConfigDocument? document = null,
    IReadOnlyDictionary<int, string>? reservedPorts = null,
    string? countryRulesRefusal = null)
{
    /// <summary>Knows no other object: references are not checked.</summary>
    public static ConfigValidationContext Alone { get; } = new(new Dictionary<Type, IReadOnlySet<string>>(), certificateNames: null);

    /// <summary>A context that knows only the names of one kind.</summary>
    public static ConfigValidationContext Knowing<TSpec>(IReadOnlySet<string> names) =>
        new(new Dictionary<Type, IReadOnlySet<string>> { [typeof(TSpec)] = names }, certificateNames: null);

    /// <summary>The whole document the object belongs to, when known.</summary>
    public ConfigDocument? Document { get; } = document;

    /// <summary>The ports the appliance listens on itself, and what listens on each.</summary>
    public IReadOnlyDictionary<int, string> ReservedPorts { get; } = reservedPorts ?? NoReservedPorts.None;

    /// <summary>Why access-list rules may not name countries (no country database), or null when they may or it is not known.</summary>
    public string? CountryRulesRefusal { get; } = countryRulesRefusal;

    /// <summary>True when the names of <typeparamref name="TSpec"/> are known and <paramref name="name"/> is not one of them.</summary>
    public bool IsMissing<TSpec>(string name) => names.TryGetValue(typeof(TSpec), out var known) && !known.Contains(name);

    /// <summary>True when the certificates are known and none is named <paramref name="name"/>.</summary>
    public bool IsMissingCertificate(string name) => certificateNames is { } known && !known.Contains(name);
}
