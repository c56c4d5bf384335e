using System.Text.Json.Serialization;

namespace Appliance.Data.History;

/// <summary>One line of a unified diff: <see cref="Kind"/> is <c>context</c>, <c>removed</c> or <c>added</c>.</summary>
public sealed record TextDiffLine(string Kind, string Text)
{
    public const string Context = "context";
    public const string Removed = "removed";
    public const string Added = "added";

    /// <summary>The line as a unified diff writes it: a space, '-' or '+' before the text.</summary>
    [JsonIgnore]
    public string Unified => Kind switch
    {
        Removed => "-" + Text,
        Added => "+" + Text,
        _ => " " + Text,
    };
}
