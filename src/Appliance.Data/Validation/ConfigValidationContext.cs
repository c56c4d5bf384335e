namespace Appliance.Data.Validation;

/// <summary>
/// What a validator may ask about the rest of the configuration: which names exist for each kind of
/// object, and which certificates exist. A kind (or the certificates) the context knows nothing
/// about is not checked, so that one object can also be validated alone.
/// </summary>
internal sealed class ConfigValidationContext(IReadOnlyDictionary<Type, IReadOnlySet<string>> names, IReadOnlySet<string>? certificateNames)
{
    /// <summary>Knows no other object: references are not checked.</summary>
    public static ConfigValidationContext Alone { get; } = new(new Dictionary<Type, IReadOnlySet<string>>(), certificateNames: null);

    /// <summary>A context that knows only the names of one kind.</summary>
    public static ConfigValidationContext Knowing<TSpec>(IReadOnlySet<string> names) =>
        new(new Dictionary<Type, IReadOnlySet<string>> { [typeof(TSpec)] = names }, certificateNames: null);

    /// <summary>True when the names of <typeparamref name="TSpec"/> are known and <paramref name="name"/> is not one of them.</summary>
    public bool IsMissing<TSpec>(string name) => names.TryGetValue(typeof(TSpec), out var known) && !known.Contains(name);

    /// <summary>True when the certificates are known and none is named <paramref name="name"/>.</summary>
    public bool IsMissingCertificate(string name) => certificateNames is { } known && !known.Contains(name);
}
