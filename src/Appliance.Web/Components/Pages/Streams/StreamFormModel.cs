using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Streams;

/// <summary>
/// The stream form's editable state: the stream it was opened with (or the API's defaults for a
/// new one), changed only in the fields the form shows; see <see cref="FormModel{TSpec}"/>. The
/// port and the SNI hosts are one choice: switching keeps what was typed in the other.
/// </summary>
public sealed class StreamFormModel : FormModel<StreamSpec>
{
    private int? _port;
    private string _hosts;

    public StreamFormModel()
    {
        _hosts = "";
    }

    /// <summary>A form for <paramref name="stream"/> as stored.</summary>
    public StreamFormModel(StreamSpec stream)
        : base(stream)
    {
        _port = stream.ListenPort;
        _hosts = string.Join('\n', stream.SniHosts);
        Passthrough = stream.ListenPort is null && stream.SniHosts.Count > 0;
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    /// <summary>SNI passthrough on the HTTPS port rather than a port of its own.</summary>
    public bool Passthrough { get; set; }

    public int? ListenPort { get => _port; set => _port = value; }

    /// <summary>One host a line.</summary>
    public string SniHosts { get => _hosts; set => _hosts = value ?? ""; }

    public string Pool { get => Spec.Pool; set => Spec = Spec with { Pool = value ?? "" }; }

    /// <summary>Empty for none.</summary>
    public string AccessList { get => Spec.AccessList ?? ""; set => Spec = Spec with { AccessList = string.IsNullOrEmpty(value) ? null : value }; }

    public bool ProxyProtocol { get => Spec.ProxyProtocol; set => Spec = Spec with { ProxyProtocol = value }; }

    public int MaxConnections { get => Spec.MaxConnections; set => Spec = Spec with { MaxConnections = value }; }

    public int IdleTimeoutSeconds { get => Spec.IdleTimeoutSeconds; set => Spec = Spec with { IdleTimeoutSeconds = value }; }

    public int ConnectTimeoutSeconds { get => Spec.ConnectTimeoutSeconds; set => Spec = Spec with { ConnectTimeoutSeconds = value }; }

    /// <inheritdoc />
    public override StreamSpec ToSpec() => Spec with
    {
        ListenPort = Passthrough ? null : _port,
        SniHosts = Passthrough ? _hosts.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
    };
}
