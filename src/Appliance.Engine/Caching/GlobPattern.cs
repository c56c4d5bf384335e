namespace Appliance.Engine.Caching;

/// <summary>
/// A cache rule's glob over request paths: <c>*</c> within a segment, <c>**</c> across segments,
/// <c>/**/</c> also a single <c>/</c>; a glob without a leading slash matches the last segment(s)
/// anywhere, as if it began with <c>/**/</c>.
/// </summary>
/// <remarks>
/// Matching runs every path through the pattern once, keeping the set of pattern positions still
/// alive (a Thompson automaton) instead of trying one choice and backtracking: the work is at most
/// path length × pattern length whatever the input, with no timeout to hit, no recursion and no
/// allocation for patterns of ordinary size. The literal text before the first and after the last
/// wildcard is compared first, so most paths are decided by one suffix test.
/// </remarks>
internal sealed class GlobPattern
{
    private const byte Literal = 0;

    // Any run of characters but '/'.
    private const byte Star = 1;

    // Any run of characters.
    private const byte DoubleStar = 2;

    // "**/" takes two positions: this one matches nothing and leads either past the pair or into the next,
    private const byte SkipOrEnter = 3;

    // which takes any characters and leaves only on a '/': together, nothing or a run ending with '/'.
    private const byte UntilSlash = 4;

    // Past this many positions the state sets go on the heap rather than the stack; stored patterns are far shorter.
    private const int StackStates = 1024;

    private readonly string _prefix;
    private readonly string _suffix;
    private readonly byte[] _kinds;
    private readonly char[] _literals;

    private GlobPattern(string prefix, string suffix, byte[] kinds, char[] literals)
    {
        _prefix = prefix;
        _suffix = suffix;
        _kinds = kinds;
        _literals = literals;
    }

    public static GlobPattern Parse(string glob)
    {
        var pattern = glob.StartsWith('/') ? glob : "/**/" + glob;
        var kinds = new List<byte>(pattern.Length);
        var literals = new List<char>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '*')
            {
                kinds.Add(Literal);
                literals.Add(pattern[i]);
            }
            else if (i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    kinds.AddRange([SkipOrEnter, UntilSlash]);
                    literals.AddRange(['\0', '\0']);
                    i += 2;
                }
                else
                {
                    kinds.Add(DoubleStar);
                    literals.Add('\0');
                    i++;
                }
            }
            else
            {
                kinds.Add(Star);
                literals.Add('\0');
            }
        }

        // A literal head and tail are plain string tests; only the part between them needs the automaton.
        var head = 0;
        while (head < kinds.Count && kinds[head] == Literal)
        {
            head++;
        }

        var tail = kinds.Count;
        while (tail > head && kinds[tail - 1] == Literal)
        {
            tail--;
        }

        return new GlobPattern(
            new string(literals.GetRange(0, head).ToArray()),
            new string(literals.GetRange(tail, kinds.Count - tail).ToArray()),
            kinds.GetRange(head, tail - head).ToArray(),
            literals.GetRange(head, tail - head).ToArray());
    }

    public bool IsMatch(ReadOnlySpan<char> path)
    {
        if (path.Length < _prefix.Length + _suffix.Length
            || !path.StartsWith(_prefix, StringComparison.Ordinal)
            || !path.EndsWith(_suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var middle = path[_prefix.Length..^_suffix.Length];
        var count = _kinds.Length + 1;
        var current = count <= StackStates ? stackalloc bool[count] : new bool[count];
        var next = count <= StackStates ? stackalloc bool[count] : new bool[count];
        current.Clear();
        current[0] = true;
        FollowEmpty(current);
        foreach (var c in middle)
        {
            next.Clear();
            var alive = false;
            for (var state = 0; state < _kinds.Length; state++)
            {
                if (current[state])
                {
                    alive |= Step(state, c, next);
                }
            }

            if (!alive)
            {
                return false;
            }

            FollowEmpty(next);
            var swap = current;
            current = next;
            next = swap;
        }

        return current[_kinds.Length];
    }

    // Where position `state` goes on character `c`; false when it dies.
    private bool Step(int state, char c, Span<bool> next)
    {
        switch (_kinds[state])
        {
            case Literal when _literals[state] == c:
                next[state + 1] = true;
                return true;
            case Star when c != '/':
            case DoubleStar:
                next[state] = true;
                return true;
            case UntilSlash:
                next[state] = true;
                if (c == '/')
                {
                    next[state + 1] = true;
                }

                return true;
            default:
                return false;
        }
    }

    // "*" and "**" may also match nothing, and may stop at any point: a live one makes the next position live.
    // "**/" may match nothing (past its pair) but, once entered, stops only after a '/' (in Step).
    private void FollowEmpty(Span<bool> states)
    {
        for (var state = 0; state < _kinds.Length; state++)
        {
            if (!states[state])
            {
                continue;
            }

            switch (_kinds[state])
            {
                case Star or DoubleStar:
                    states[state + 1] = true;
                    break;
                case SkipOrEnter:
                    states[state + 1] = true;
                    states[state + 2] = true;
                    break;
            }
        }
    }
}
