using Appliance.Data.Model;

namespace Appliance.Engine.Security.Bans;

/// <summary>A ban rule ready for the request path: its statuses as a bitmap, its paths parsed once.</summary>
internal sealed class CompiledBanRule
{
    private readonly bool[] _statuses = new bool[600];
    private readonly BanPathPattern[] _paths;

    // The characters, upper-cased, a path may start with (after its '/') and still match one of
    // the patterns; null when a pattern takes any ('/*…', '/', '/**'). Every request is counted
    // against the enabled rules, and most paths then fail here without a pattern being tried.
    private readonly string? _firstCharacters;

    public CompiledBanRule(BanRuleSpec rule)
    {
        Name = rule.Name;
        foreach (var status in rule.Statuses ?? [])
        {
            if (status is >= 0 and < 600)
            {
                _statuses[status] = true;
            }
        }

        // Patterns that do not parse were refused by the store; were one stored, it matches nothing.
        _paths = (rule.Paths ?? []).Select(p => BanPathPattern.TryParse(p, out _)).OfType<BanPathPattern>().ToArray();
        _firstCharacters = _paths.Any(p => p.Text.Length < 2 || p.Text[1] == '*')
            ? null
            : string.Concat(_paths.Select(p => char.ToUpperInvariant(p.Text[1])).Distinct());
        Threshold = rule.Threshold;
        Window = TimeSpan.FromSeconds(rule.WindowSeconds);
        Duration = TimeSpan.FromSeconds(rule.BanSeconds);
    }

    public string Name { get; }

    public int Threshold { get; }

    public TimeSpan Window { get; }

    public TimeSpan Duration { get; }

    /// <summary>Whether an answer with <paramref name="status"/> to a request for <paramref name="path"/> counts (null: the path was refused before it was settled).</summary>
    public bool Matches(int status, string? path)
    {
        if ((uint)status < (uint)_statuses.Length && _statuses[status])
        {
            return true;
        }

        if (path is null || (_firstCharacters is not null && (path.Length < 2 || !_firstCharacters.Contains(char.ToUpperInvariant(path[1]), StringComparison.Ordinal))))
        {
            return false;
        }

        foreach (var pattern in _paths)
        {
            if (pattern.Matches(path))
            {
                return true;
            }
        }

        return false;
    }
}
