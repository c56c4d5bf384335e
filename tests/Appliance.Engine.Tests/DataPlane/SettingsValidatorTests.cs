using Appliance.Engine.Caching;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Tls.Acme;

namespace Appliance.Engine.Tests.DataPlane;

public sealed class SettingsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new SettingsValidator<ProxyOptions>(ProxyOptions.SectionName).Validate(null, new ProxyOptions()).Succeeded);
        Assert.True(new SettingsValidator<CacheOptions>(CacheOptions.SectionName).Validate(null, new CacheOptions()).Succeeded);
        Assert.True(new SettingsValidator<AcmeOptions>(AcmeOptions.SectionName).Validate(null, new AcmeOptions()).Succeeded);
    }

    [Fact]
    public void Every_problem_is_named_by_its_configuration_key_nested_sections_included()
    {
        var options = new ProxyOptions
        {
            HttpPort = 70_000,
            Limits = new ProxyLimitsOptions { MaxRequestBodySize = 0 },
            BasicAuth = new Appliance.Engine.Security.Shield.BasicAuthOptions { MaxFailures = -1 },
        };

        var failures = new SettingsValidator<ProxyOptions>(ProxyOptions.SectionName).Validate(null, options).Failures!;

        Assert.Equal(
            [
                "The field Appliance:Proxy:BasicAuth:MaxFailures must be between 0 and 100000.",
                "The field Appliance:Proxy:HttpPort must be between 0 and 65535.",
                "The field Appliance:Proxy:Limits:MaxRequestBodySize must be at least 1.",
            ],
            failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_across_fields_and_parsed_values_name_their_key_too()
    {
        var options = new ProxyOptions { HttpPort = 8080, HttpsPort = 8080, BindAddress = "everywhere", TrustedProxies = ["10.0.0.0/8", "nonsense"] };

        var failures = new SettingsValidator<ProxyOptions>(ProxyOptions.SectionName).Validate(null, options).Failures!;

        Assert.Contains("The field Appliance:Proxy:HttpsPort must differ from HttpPort.", failures);
        Assert.Contains("The field Appliance:Proxy:BindAddress must be '*' or an IP address.", failures);
        Assert.Contains("The field Appliance:Proxy:TrustedProxies has 'nonsense', which is not an address or CIDR range.", failures);
        Assert.Equal(3, failures.Count());
    }

    [Fact]
    public void Path_parameters_are_stripped_or_rejected_and_nothing_else()
    {
        var options = new ProxyOptions { PathParameters = (Appliance.Engine.Routing.PathParameterMode)7 };

        var failures = new SettingsValidator<ProxyOptions>(ProxyOptions.SectionName).Validate(null, options).Failures!;

        Assert.Equal(["The field Appliance:Proxy:PathParameters must be Strip or Reject."], failures);
        Assert.True(new SettingsValidator<ProxyOptions>(ProxyOptions.SectionName)
            .Validate(null, new ProxyOptions { PathParameters = Appliance.Engine.Routing.PathParameterMode.Reject }).Succeeded);
    }

    [Fact]
    public void Acme_and_cache_settings_are_checked_the_same_way()
    {
        var acme = new SettingsValidator<AcmeOptions>(AcmeOptions.SectionName)
            .Validate(null, new AcmeOptions { DirectoryUrl = "http://acme.test/dir", Challenge = "dns-01", OrderTimeoutSeconds = 1 }).Failures!;
        Assert.Equal(
            [
                "The field Appliance:Acme:Challenge must be 'http-01' or 'tls-alpn-01'.",
                "The field Appliance:Acme:DirectoryUrl must be an https:// URL.",
                "The field Appliance:Acme:OrderTimeoutSeconds must be between 10 and 3600.",
            ],
            acme.Order(StringComparer.Ordinal));

        var cache = new SettingsValidator<CacheOptions>(CacheOptions.SectionName).Validate(null, new CacheOptions { MaxSizeMB = 0 }).Failures!;
        Assert.Equal(["The field Appliance:Cache:MaxSizeMB must be between 1 and 65536."], cache);
    }
}
