namespace Appliance.Data.Entities;

internal sealed class RouteEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Hosts { get; set; } = [];
    public string Path { get; set; } = "/";
    public List<string> Methods { get; set; } = [];
    public int Order { get; set; }
    public string Headers { get; set; } = "[]";
    public string Query { get; set; } = "[]";
    public string Cookies { get; set; } = "[]";
    public string? RewritePath { get; set; }
    public string? Redirect { get; set; }
    public string? Mirror { get; set; }
    public bool Sticky { get; set; }
    public string Tls { get; set; } = "off";
    public bool HttpsRedirect { get; set; }
    public int HstsMaxAgeSeconds { get; set; }
    public bool Compression { get; set; } = true;
    public string? AccessList { get; set; }
    public string? RateLimit { get; set; }
    public bool SecurityHeaders { get; set; }
    public string? ContentSecurityPolicy { get; set; }
    public long? MaxRequestBodyBytes { get; set; }
    public string RequestHeaders { get; set; } = "{}";
    public string ResponseHeaders { get; set; } = "{}";
    public string Maintenance { get; set; } = "{}";
    public string Challenge { get; set; } = "{}";
    public List<RouteTargetEntity> Targets { get; set; } = [];
}
