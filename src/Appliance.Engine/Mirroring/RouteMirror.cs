using Appliance.Engine.Randomness;

namespace Appliance.Engine.Mirroring;

/// <summary>Whether a route copies its requests, to which pool and how many: mirroring's part of the route plan.</summary>
internal sealed class RouteMirror
{
    // The share is drawn in ten-thousandths, the validator's step of 0.01 %.
    private const int Scale = 10_000;

    private readonly int _threshold;

    private RouteMirror(string routeName, string? pool, decimal percent)
    {
        RouteName = routeName;
        Pool = pool;
        Percent = percent;
        _threshold = (int)(percent * (Scale / 100));
    }

    /// <summary>The part of every route that mirrors nothing.</summary>
    public static RouteMirror Off { get; } = new("", null, 0);

    public string RouteName { get; }

    /// <summary>The shadow pool; null when the route does not mirror.</summary>
    public string? Pool { get; }

    public decimal Percent { get; }

    public bool IsOn => Pool is not null;

    public static RouteMirror For(string routeName, string pool, decimal percent) => new(routeName, pool, percent);

    /// <summary>True when this request is one of the share to copy; a route that copies everything draws nothing.</summary>
    public bool Draw(IRandomSource random) => _threshold >= Scale || (_threshold > 0 && random.Next(Scale) < _threshold);
}
