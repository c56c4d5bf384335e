using System.Net;
using Appliance.Engine.GeoIp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.GeoIp;

public sealed class CountryDatabaseTests
{
    [Theory]
    [InlineData("81.2.69.142", "GB")]
    [InlineData("::ffff:81.2.69.142", "GB")]
    [InlineData("89.160.20.115", "SE")]
    [InlineData("2001:218::1", "JP")]
    [InlineData("2001:220::1", "KR")]
    [InlineData("10.0.0.1", null)]
    [InlineData("2001:db8::1", null)]
    public void Looks_up_the_country_of_IPv4_IPv6_and_IPv4_mapped_addresses(string address, string? country)
    {
        using var database = Open(GeoIpTestFiles.GeoIp2Country, new FakeTimeProvider());

        Assert.Equal(country, database.FindCountry(IPAddress.Parse(address)));
        Assert.Null(database.Refusal());
    }

    [Fact]
    public void Without_a_path_country_rules_are_refused_naming_the_setting_and_nothing_is_looked_up()
    {
        using var database = new CountryDatabase(new GeoIpOptions(), TimeProvider.System, NullLogger<CountryDatabase>.Instance);

        Assert.Contains("Appliance:GeoIP:DatabasePath", database.Refusal());
        Assert.Null(database.FindCountry(IPAddress.Parse("81.2.69.142")));
        Assert.False(database.Status().Loaded);
    }

    [Fact]
    public void A_database_replaced_on_disk_is_read_again_and_one_that_appears_later_is_loaded()
    {
        var time = new FakeTimeProvider();
        var path = Path.Combine(GeoIpTestFiles.NewFolder(), "country.mmdb");
        using var database = Open(path, time);

        // Configured but missing: refused with the reason, and no country for anyone.
        Assert.Contains("cannot be read", database.Refusal());
        Assert.Null(database.FindCountry(IPAddress.Parse("81.2.69.142")));

        GeoIpTestFiles.ReplaceAtomically(GeoIpTestFiles.GeoIp2Country, path);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("GB", database.FindCountry(IPAddress.Parse("81.2.69.142")));
        Assert.Equal("GeoIP2-Country", database.Status().DatabaseType);
        Assert.Null(database.Refusal());

        GeoIpTestFiles.ReplaceAtomically(GeoIpTestFiles.GeoLite2Country, path);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("GeoLite2-Country", database.Status().DatabaseType);
        Assert.Equal("JP", database.FindCountry(IPAddress.Parse("2001:218::1")));

        // A replacement that is not a database keeps the one loaded before.
        File.WriteAllText(path + ".new", "not a database");
        File.Move(path + ".new", path, overwrite: true);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("GeoLite2-Country", database.Status().DatabaseType);
        Assert.Equal("JP", database.FindCountry(IPAddress.Parse("2001:218::1")));
    }

    private static CountryDatabase Open(string path, TimeProvider time) =>
        new(new GeoIpOptions { DatabasePath = path }, time, NullLogger<CountryDatabase>.Instance);
}
