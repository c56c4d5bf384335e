using Appliance.Data.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.Users;

/// <summary>
/// Creates the first administrator from <c>Appliance:Admin:InitialUser</c> and
/// <c>Appliance:Admin:InitialPassword</c> when no user exists, for installs without a person at
/// the first start. The password is never logged; a weak one stops the start.
/// </summary>
internal sealed partial class InitialUserSeeder(UserStore users, IConfiguration configuration, ILogger<InitialUserSeeder> logger) : IHostedService
{
    public const string UserKey = "Appliance:Admin:InitialUser";
    public const string PasswordKey = "Appliance:Admin:InitialPassword";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var userName = configuration[UserKey];
        var password = configuration[PasswordKey];
        if (string.IsNullOrEmpty(userName) && string.IsNullOrEmpty(password))
        {
            return;
        }

        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException($"Set both {UserKey} and {PasswordKey}, or neither.");
        }

        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        var result = await users.CreateAsync(new NewUser { UserName = userName, Password = password, Role = ApplianceRoles.Admin }, Editor.Authorized("configuration"), cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The initial administrator from {UserKey}/{PasswordKey} was refused: "
                + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }

        LogCreated(userName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Created the initial administrator '{UserName}' from configuration.")]
    private partial void LogCreated(string userName);
}
