using System.Globalization;
using System.Text;

namespace Appliance.Engine.Metrics;

/// <summary>
/// The Prometheus text format (0.0.4) being written: a family's header, then its samples, which
/// must stay together under it. Label values are escaped as the format requires.
/// </summary>
public sealed class PrometheusText
{
    private readonly StringBuilder _text = new(4096);

    /// <summary>Starts a family: <c># HELP</c> and <c># TYPE</c> (counter, gauge or histogram).</summary>
    public PrometheusText Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <summary>One sample; <paramref name="labels"/> as built by <see cref="Label"/> and <see cref="Join"/>, or empty.</summary>
    public PrometheusText Sample(string name, string labels, double value)
    {
        _text.Append(name);
        if (labels.Length > 0)
        {
            _text.Append('{').Append(labels).Append('}');
        }

        _text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return this;
    }

    /// <summary>A family of one unlabelled sample.</summary>
    public PrometheusText Single(string name, string type, string help, double value) =>
        Family(name, type, help).Sample(name, "", value);

    /// <summary><c>name="value"</c>, escaped.</summary>
    public static string Label(string name, string value) =>
        name + "=\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    /// <summary>Two label lists as one.</summary>
    public static string Join(string first, string second) => first.Length == 0 ? second : first + "," + second;

    public override string ToString() => _text.ToString();
}
