using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// The rate-limit form's editable state: the limit it was opened with (or the API's defaults for a
/// new one), changed only in the fields the form shows; see <see cref="FormModel{TSpec}"/>.
/// </summary>
public sealed class RateLimitFormModel : FormModel<RateLimitSpec>
{
    public RateLimitFormModel()
    {
    }

    /// <summary>A form for <paramref name="limit"/> as stored.</summary>
    public RateLimitFormModel(RateLimitSpec limit)
        : base(limit)
    {
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public bool Global { get => Spec.Global; set => Spec = Spec with { Global = value }; }

    public int Permits { get => Spec.Permits; set => Spec = Spec with { Permits = value }; }

    public int PeriodSeconds { get => Spec.PeriodSeconds; set => Spec = Spec with { PeriodSeconds = value }; }

    public int Burst { get => Spec.Burst; set => Spec = Spec with { Burst = value }; }

    public int MaxConcurrent { get => Spec.MaxConcurrent; set => Spec = Spec with { MaxConcurrent = value }; }
}
