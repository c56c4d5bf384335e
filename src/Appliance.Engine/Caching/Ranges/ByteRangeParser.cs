using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching.Ranges;

/// <summary>
/// Reads a Range field (RFC 9110 §14.2) strictly: the <c>bytes</c> unit (case-insensitive), a comma list of
/// range-specs with optional whitespace and empty members between them. Anything else, another unit, a
/// negative or reversed range, more than one field line, yields nothing and the field is ignored, as §14.2
/// lets a server do. More than the given maximum of specs also yield nothing, and the reading stops
/// there: a thousand-spec field costs no more than the first few.
/// </summary>
internal static class ByteRangeParser
{
    private const string Unit = "bytes";

    public static IReadOnlyList<ByteRangeSpec>? Parse(StringValues field, int maxRanges)
    {
        if (field.Count != 1 || field[0] is not { } text)
        {
            return null;
        }

        var span = text.AsSpan().Trim(" \t");
        if (span.Length <= Unit.Length || !span[..Unit.Length].Equals(Unit, StringComparison.OrdinalIgnoreCase) || span[Unit.Length] != '=')
        {
            return null;
        }

        var specs = new List<ByteRangeSpec>();
        var list = span[(Unit.Length + 1)..];
        foreach (var part in list.Split(','))
        {
            var member = list[part].Trim(" \t");
            if (member.IsEmpty)
            {
                continue;
            }

            if (specs.Count == maxRanges || TryParseSpec(member) is not { } spec)
            {
                return null;
            }

            specs.Add(spec);
        }

        return specs.Count > 0 ? specs : null;
    }

    private static ByteRangeSpec? TryParseSpec(ReadOnlySpan<char> member)
    {
        var dash = member.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var first = member[..dash];
        var last = member[(dash + 1)..];
        if (first.IsEmpty)
        {
            return TryDigits(last, out var suffix) ? ByteRangeSpec.Suffix(suffix) : null;
        }

        if (!TryDigits(first, out var from))
        {
            return null;
        }

        if (last.IsEmpty)
        {
            return ByteRangeSpec.From(from, null);
        }

        // §14.1.1: a last-pos below first-pos makes the spec, and so the field, invalid.
        return TryDigits(last, out var to) && to >= from ? ByteRangeSpec.From(from, to) : null;
    }

    // 1*DIGIT, saturating at long.MaxValue: "99999999999999999999999" is a valid number past every end.
    private static bool TryDigits(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = value > (long.MaxValue - (c - '0')) / 10 ? long.MaxValue : (value * 10) + (c - '0');
        }

        return true;
    }
}
