using Appliance.Data.Model;

namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// One compiled condition on the values of a cookie or query parameter, with YARP's own semantics
/// for its header and query modes, so that every kind of condition reads the same: values are
/// compared case-sensitively; <c>Exists</c> needs the item present with a non-empty value;
/// <c>NotContains</c> holds when no value contains any of the condition's (also when the item is
/// absent, as YARP's header and query matchers have it); <c>NotExists</c> needs it absent.
/// </summary>
internal sealed class ValueCondition(string name, string mode, string[] values)
{
    public string Name { get; } = name;

    public static ValueCondition From(MatchConditionSpec spec) => new(spec.Name, spec.Mode, spec.Values.ToArray());

    /// <summary>Whether the item's values (none when it is absent) satisfy the condition.</summary>
    public bool Matches(ReadOnlySpan<string> present)
    {
        switch (mode)
        {
            case MatchModes.NotExists:
                return present.IsEmpty;
            case MatchModes.Exists:
                return AnyNonEmpty(present);
            case MatchModes.NotContains:
                foreach (var value in present)
                {
                    if (Compare(value, MatchModes.Contains))
                    {
                        return false;
                    }
                }

                return true;
            default:
                foreach (var value in present)
                {
                    if (Compare(value, mode))
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private bool Compare(string value, string how)
    {
        foreach (var wanted in values)
        {
            var hit = how switch
            {
                MatchModes.Exact => string.Equals(value, wanted, StringComparison.Ordinal),
                MatchModes.Prefix => value.StartsWith(wanted, StringComparison.Ordinal),
                _ => value.Contains(wanted, StringComparison.Ordinal),
            };
            if (hit)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyNonEmpty(ReadOnlySpan<string> present)
    {
        foreach (var value in present)
        {
            if (value.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
