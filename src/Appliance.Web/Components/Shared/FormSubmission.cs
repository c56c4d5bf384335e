using Appliance.Data.Store;

namespace Appliance.Web.Components.Shared;

/// <summary>
/// What a form shows about its last save: the store's field messages next to the fields, its
/// one-line detail above them, and whether a save is under way. One save runs at a time, so a
/// double click cannot send the same object twice.
/// </summary>
public sealed class FormSubmission
{
    public FieldMessages Messages { get; private set; } = FieldMessages.None;

    public string? Detail { get; private set; }

    public bool Saving { get; private set; }

    /// <summary>
    /// Runs <paramref name="save"/> unless a save is under way. Returns the saved value and clears the
    /// messages when the store accepts it; otherwise keeps the store's messages and returns null.
    /// </summary>
    public async Task<T?> SaveAsync<T>(Func<Task<StoreResult<T>>> save)
        where T : class
    {
        if (Saving)
        {
            return null;
        }

        Saving = true;
        try
        {
            var result = await save();
            Messages = result.Succeeded ? FieldMessages.None : new FieldMessages(result.Errors);
            Detail = result.Succeeded ? null : result.Detail;
            return result.Succeeded ? result.Value : null;
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>Clears the messages: what they were about has changed.</summary>
    public void Clear()
    {
        Messages = FieldMessages.None;
        Detail = null;
    }

    /// <summary>Refuses before asking the store, with one message next to one field.</summary>
    public void Refuse(string field, string message)
    {
        Messages = new FieldMessages(new Dictionary<string, string[]> { [field] = [message] });
        Detail = null;
    }
}
