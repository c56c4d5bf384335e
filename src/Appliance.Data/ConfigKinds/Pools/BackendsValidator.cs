using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Pools;

/// <summary>A pool's backends: plain absolute http(s) addresses, each once, with weights in range.</summary>
internal sealed class BackendsValidator : IConfigValidator<PoolSpec>
{
    public const int MinWeight = 1;
    public const int MaxWeight = 100;
    public const int MaxBackends = 256;

    public void Validate(PoolSpec pool, ConfigValidationContext context, ValidationErrors errors)
    {
        if (pool.Backends is null)
        {
            errors.Add("backends", "Backends are required (an empty list is allowed).");
            return;
        }

        if (pool.Backends.Count > MaxBackends)
        {
            errors.Add("backends", $"A pool has at most {MaxBackends} backends.");
        }

        // Case-insensitive, as the store matches backends by address when it keeps their identity.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pool.Backends.Count; i++)
        {
            var field = $"backends[{i}]";
            var backend = pool.Backends[i];
            if (backend is null)
            {
                errors.Add(field, "A backend cannot be null.");
                continue;
            }

            ValidateAddress(backend.Address, errors, $"{field}.address");
            if (backend.Weight is < MinWeight or > MaxWeight)
            {
                errors.Add($"{field}.weight", $"Weight must be between {MinWeight} and {MaxWeight}.");
            }

            if (!string.IsNullOrEmpty(backend.Address) && !seen.Add(backend.Address))
            {
                errors.Add($"{field}.address", $"'{backend.Address}' is already a backend of this pool.");
            }
        }
    }

    private static void ValidateAddress(string address, ValidationErrors errors, string field)
    {
        if (string.IsNullOrEmpty(address))
        {
            errors.Add(field, "An address is required, e.g. http://10.0.0.5:8080.");
            return;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(field, $"'{address}' is not an absolute http:// or https:// URL.");
            return;
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            errors.Add(field, "The address must not contain credentials, a query or a fragment.");
        }
    }
}
