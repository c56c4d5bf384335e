using Appliance.Data.Networking;

namespace Appliance.Data.Validation;

/// <summary>
/// A list of addresses and CIDR ranges that let clients past something (maintenance, the challenge):
/// bounded, and each entry parsed as the access lists parse theirs, with one message per bad entry.
/// </summary>
internal static class AllowedRanges
{
    public static void Validate(IReadOnlyList<string> ranges, string field, int max, ValidationErrors errors)
    {
        if (ranges.Count > max)
        {
            errors.Add(field, $"At most {max} allowed ranges; put larger lists in a global access list.");
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            if (!NetworkRanges.TryParse(ranges[i], out _))
            {
                errors.Add($"{field}[{i}]", $"'{ranges[i]}' is neither an address nor a CIDR range such as 203.0.113.0/24 or 2001:db8::/32.");
            }
        }
    }
}
