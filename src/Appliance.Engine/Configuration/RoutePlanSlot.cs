namespace Appliance.Engine.Configuration;

/// <summary>
/// Where <typeparamref name="TPart"/> sits in every <see cref="RoutePlan"/>: an index handed out
/// the first time the part type is used and fixed for the life of the process, so that a feature
/// adds a part without a line anywhere else.
/// </summary>
internal static class RoutePlanSlot<TPart>
    where TPart : class
{
    public static readonly int Index = RoutePlan.ReserveSlot();
}
