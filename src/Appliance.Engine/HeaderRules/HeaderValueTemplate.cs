using System.Text;
using Appliance.Data.Model;

namespace Appliance.Engine.HeaderRules;

/// <summary>
/// A header rule's value, cut once per snapshot into literal text and placeholders
/// (<see cref="HeaderPlaceholders"/>); a value without placeholders is its own answer.
/// </summary>
internal sealed class HeaderValueTemplate
{
    private readonly string? _literal;
    private readonly Segment[] _segments;

    private HeaderValueTemplate(string? literal, Segment[] segments)
    {
        _literal = literal;
        _segments = segments;
    }

    /// <summary>True when the value depends on the request.</summary>
    public bool HasPlaceholders => _literal is null;

    public static HeaderValueTemplate Parse(string value)
    {
        var segments = new List<Segment>();
        var start = 0;
        for (var i = value.IndexOf('{', StringComparison.Ordinal); i >= 0; i = value.IndexOf('{', i + 1))
        {
            // Validation let through only known placeholders; anything else stays text.
            var placeholder = HeaderPlaceholders.All.FirstOrDefault(p => string.CompareOrdinal(value, i, p, 0, p.Length) == 0);
            if (placeholder is null)
            {
                continue;
            }

            segments.Add(new Segment(value[start..i], null));
            segments.Add(new Segment(null, placeholder));
            start = i + placeholder.Length;
            i = start - 1;
        }

        segments.Add(new Segment(value[start..], null));
        return segments.Count == 1 ? new HeaderValueTemplate(value, []) : new HeaderValueTemplate(null, segments.ToArray());
    }

    /// <summary>The value for one request.</summary>
    public string Render(in HeaderPlaceholderValues values)
    {
        if (_literal is not null)
        {
            return _literal;
        }

        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            text.Append(segment.Literal ?? segment.Placeholder switch
            {
                HeaderPlaceholders.ClientIp => values.ClientIp,
                HeaderPlaceholders.RequestId => values.RequestId,
                _ => values.Host,
            });
        }

        return text.ToString();
    }

    // Either literal text or one placeholder.
    private readonly record struct Segment(string? Literal, string? Placeholder);
}
