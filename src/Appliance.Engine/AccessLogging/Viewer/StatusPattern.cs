namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>A status filter: one status (<c>404</c>) or a class (<c>5xx</c>).</summary>
public readonly record struct StatusPattern
{
    private readonly int _low;
    private readonly int _high;

    private StatusPattern(int low, int high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>Reads <c>100</c>–<c>599</c> or <c>1xx</c>–<c>5xx</c> (either case); false for anything else.</summary>
    public static bool TryParse(string text, out StatusPattern pattern)
    {
        pattern = default;
        var value = text.AsSpan().Trim();
        if (value.Length != 3 || value[0] is < '1' or > '5')
        {
            return false;
        }

        var hundreds = (value[0] - '0') * 100;
        if (value[1..].Equals("xx", StringComparison.OrdinalIgnoreCase))
        {
            pattern = new StatusPattern(hundreds, hundreds + 99);
            return true;
        }

        if (!char.IsAsciiDigit(value[1]) || !char.IsAsciiDigit(value[2]))
        {
            return false;
        }

        var status = hundreds + ((value[1] - '0') * 10) + (value[2] - '0');
        pattern = new StatusPattern(status, status);
        return true;
    }

    /// <summary>True when <paramref name="status"/> is the status, or in the class.</summary>
    public bool Matches(int status) => status >= _low && status <= _high;
}
