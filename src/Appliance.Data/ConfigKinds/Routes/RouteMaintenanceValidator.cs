using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>A route's maintenance: a sane Retry-After and allowed addresses that parse as the access lists' do.</summary>
internal sealed class RouteMaintenanceValidator : IConfigValidator<RouteSpec>
{
    /// <summary>A week: longer than any maintenance a client should be told to wait for.</summary>
    public const int MaxRetryAfterSeconds = 604_800;

    public const int MaxAllowed = 64;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        var maintenance = route.Maintenance;
        if (maintenance?.Allow is null)
        {
            errors.Add("maintenance", "Maintenance is required, with an allow list (an empty list lets nobody through).");
            return;
        }

        if (maintenance.RetryAfterSeconds is < 1 or > MaxRetryAfterSeconds)
        {
            errors.Add("maintenance.retryAfterSeconds", $"Retry-After must be between 1 second and a week ({MaxRetryAfterSeconds}).");
        }

        AllowedRanges.Validate(maintenance.Allow, "maintenance.allow", MaxAllowed, errors);
    }
}
