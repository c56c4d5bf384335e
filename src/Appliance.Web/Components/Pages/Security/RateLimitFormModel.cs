using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// The rate-limit form's editable state. It keeps the limit it was opened with and saves that limit
/// with only the form's fields changed, so a member the form does not show survives a save.
/// </summary>
public sealed class RateLimitFormModel
{
    // What the form started from: the stored limit, or the API's defaults for a new one.
    private readonly RateLimitSpec _stored;

    public RateLimitFormModel()
        : this(new RateLimitSpec())
    {
    }

    private RateLimitFormModel(RateLimitSpec stored)
    {
        _stored = stored;
        Name = stored.Name;
        Global = stored.Global;
        Permits = stored.Permits;
        PeriodSeconds = stored.PeriodSeconds;
        Burst = stored.Burst;
        MaxConcurrent = stored.MaxConcurrent;
    }

    public string Name { get; set; }
    public bool Global { get; set; }
    public int Permits { get; set; }
    public int PeriodSeconds { get; set; }
    public int Burst { get; set; }
    public int MaxConcurrent { get; set; }

    /// <summary>A form for <paramref name="limit"/> as stored.</summary>
    public static RateLimitFormModel From(RateLimitSpec limit) => new(limit);

    /// <summary>The stored limit with the form's fields applied.</summary>
    public RateLimitSpec ToSpec() => _stored with
    {
        Name = Name,
        Global = Global,
        Permits = Permits,
        PeriodSeconds = PeriodSeconds,
        Burst = Burst,
        MaxConcurrent = MaxConcurrent,
    };
}
