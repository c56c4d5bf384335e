using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Store;

/// <summary>
/// A change worked out on the configuration document read inside the write transaction: either
/// refused at once (an unknown name, a taken name, an object still referred to), or a new document
/// that the write path validates as a whole, saves and audits.
/// </summary>
internal sealed record ConfigEdit<T>
{
    /// <summary>The answer when the change is refused before validation; null when it goes on.</summary>
    public StoreResult<T>? Refusal { get; private init; }

    public ConfigDocument After { get; private init; } = null!;

    /// <summary>The one object changed; null when the whole document is replaced (an import).</summary>
    public ChangedObject? Changed { get; private init; }

    /// <summary>Messages found while applying the change (a rename, a password), reported with validation's.</summary>
    public ValidationErrors Errors { get; private init; } = new();

    /// <summary>What the store answers when the change is saved.</summary>
    public T Value { get; private init; } = default!;

    public ConfigAudit Audit { get; private init; } = null!;

    public static ConfigEdit<T> Refuse(StoreResult<T> refusal) => new() { Refusal = refusal };

    public static ConfigEdit<T> Propose(ConfigDocument after, ChangedObject? changed, ValidationErrors errors, T value, ConfigAudit audit) =>
        new() { After = after, Changed = changed, Errors = errors, Value = value, Audit = audit };
}
