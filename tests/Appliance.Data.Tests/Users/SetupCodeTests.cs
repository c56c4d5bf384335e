using Appliance.Data.Tests.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class SetupCodeTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task With_no_user_a_setup_code_is_written_owner_only_and_works_exactly_once()
    {
        var setup = fixture.Services.GetRequiredService<SetupCode>();
        var path = Path.Combine(fixture.DataDirectory, SetupCode.FileName);
        Assert.True(setup.IsPending);
        var code = (await File.ReadAllTextAsync(path)).Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.False(setup.TryConsume("AAAA-BBBB-CCCC"));
        Assert.True(setup.TryConsume(code.ToLowerInvariant()));
        Assert.False(setup.TryConsume(code));
        Assert.False(setup.IsPending);
        Assert.False(File.Exists(path));
    }
}
