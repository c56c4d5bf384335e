namespace Appliance.Data.TwoFactor;

/// <summary>
/// Whether every user of the admin site must sign in with two factors; also the body of
/// <c>GET/PUT /api/v1/settings/two-factor</c>.
/// </summary>
public sealed record TwoFactorRequirement
{
    public required bool Required { get; init; }
}
