namespace Appliance.Web.Components.Pages.Routes;

/// <summary>How a pool picker lists a pool: its name, and a mark when it has no enabled backend to send to.</summary>
public static class PoolChoice
{
    public const string EmptyMark = " (no enabled backend)";

    public static string Text(string pool, IReadOnlySet<string> emptyPools) => emptyPools.Contains(pool) ? pool + EmptyMark : pool;
}
