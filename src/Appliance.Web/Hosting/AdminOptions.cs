namespace Appliance.Web.Hosting;

/// <summary>Settings of the control plane, from <c>Appliance:Admin</c>.</summary>
public static class AdminOptions
{
    public const string UrlsKey = "Appliance:Admin:Urls";

    /// <summary>Loopback only: the admin surface is never exposed unless an operator decides to.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8081";
}
