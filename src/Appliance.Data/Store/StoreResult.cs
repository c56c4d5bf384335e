using Appliance.Data.Validation;

namespace Appliance.Data.Store;

/// <summary>The outcome of a store operation: the saved value, or why nothing was saved.</summary>
public sealed record StoreResult<T>
{
    private static readonly IDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public required StoreStatus Status { get; init; }
    public T? Value { get; init; }

    /// <summary>Field messages keyed by JSON path; empty unless the status is Invalid or Conflict.</summary>
    public IDictionary<string, string[]> Errors { get; init; } = NoErrors;

    /// <summary>One sentence for the problem details' <c>detail</c>.</summary>
    public string? Detail { get; init; }

    public bool Succeeded => Status == StoreStatus.Ok;

    public static StoreResult<T> Ok(T value) => new() { Status = StoreStatus.Ok, Value = value };

    public static StoreResult<T> Invalid(ValidationErrors errors) =>
        new() { Status = StoreStatus.Invalid, Errors = errors.ToDictionary(), Detail = "The configuration is not valid; nothing was changed." };

    public static StoreResult<T> NotFound(string detail) => new() { Status = StoreStatus.NotFound, Detail = detail };

    public static StoreResult<T> Forbidden(string detail) => new() { Status = StoreStatus.Forbidden, Detail = detail };

    /// <summary>
    /// The one answer to a create under a name that is taken, for every kind: 409 with the message on
    /// the name field, so the API and every "new" form say it alike ("A pool named 'web' already exists.").
    /// </summary>
    /// <summary>A create under a name in use; <paramref name="insteadHint"/> says how to change the existing one, where that is not obvious.</summary>
    public static StoreResult<T> NameTaken(string aNoun, string name, string field = "name", string? insteadHint = null) =>
        Conflict(field, insteadHint is null ? $"{aNoun} named '{name}' already exists." : $"{aNoun} named '{name}' already exists; {insteadHint}");

    public static StoreResult<T> Conflict(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return new() { Status = StoreStatus.Conflict, Errors = errors.ToDictionary(), Detail = message };
    }
}
