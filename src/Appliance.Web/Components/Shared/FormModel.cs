namespace Appliance.Web.Components.Shared;

/// <summary>
/// The state of a form that edits one object of the API. It holds the object itself, as stored or,
/// for a new one, with the record's own defaults (the API's), and each field the form shows reads
/// and writes one member of it in place. Nothing is copied out and back field by field, so a member
/// the form does not show, or one the API gains later, is saved exactly as it was stored; the
/// store then validates what the API would.
/// </summary>
/// <remarks>
/// A field is one line: <c>public int Burst { get => Spec.Burst; set => Spec = Spec with { Burst = value }; }</c>.
/// A model whose form edits a list through rows of their own overrides <see cref="ToSpec"/> to put
/// the rows back, and only them.
/// </remarks>
/// <typeparam name="TSpec">The API's record for the object.</typeparam>
public abstract class FormModel<TSpec>
    where TSpec : class, new()
{
    /// <summary>A new object, with the defaults the API gives a member left out of a request.</summary>
    protected FormModel()
        : this(new TSpec())
    {
    }

    /// <summary>The object as stored.</summary>
    protected FormModel(TSpec stored) => Spec = stored;

    /// <summary>The object the form was opened with, with the changes made so far.</summary>
    protected TSpec Spec { get; set; }

    /// <summary>What the form saves: the object it was opened with, changed only in the fields it shows.</summary>
    public virtual TSpec ToSpec() => Spec;
}
