namespace Appliance.Data.Model;

/// <summary>The placeholders a header rule's value may hold, filled per request.</summary>
public static class HeaderPlaceholders
{
    /// <summary>The client address the appliance settled on (after its trusted proxies).</summary>
    public const string ClientIp = "{client_ip}";

    /// <summary>The appliance's id of the request, as in <c>X-Request-Id</c> and the access log.</summary>
    public const string RequestId = "{request_id}";

    /// <summary>The request's Host as the client sent it.</summary>
    public const string Host = "{host}";

    /// <summary>Every placeholder, in the order messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [ClientIp, RequestId, Host];
}
