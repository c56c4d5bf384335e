using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.DataPlane;

/// <summary>Feature lookups on the request path.</summary>
internal static class FeatureLookup
{
    /// <summary>
    /// The feature of type <typeparamref name="T"/>, or null. The same as
    /// <see cref="IFeatureCollection.Get{TFeature}"/>, which is a generic virtual method: every call
    /// resolves its target at run time, and with a dozen lookups per request that resolution was
    /// the largest single cost the appliance adds to YARP in the profile (bench/README.md). The
    /// indexer is an ordinary interface call.
    /// </summary>
    public static T? Lookup<T>(this IFeatureCollection features)
        where T : class =>
        (T?)features[typeof(T)];
}
