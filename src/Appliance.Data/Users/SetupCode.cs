using System.Security.Cryptography;
using System.Text;
using Appliance.Data.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.Users;

/// <summary>
/// The one-time code that proves, on first run, that whoever creates the first administrator can
/// read the appliance's log or its data directory. There are no default passwords: until a user
/// exists, this code is the only way in. It is printed to the log at start, written to
/// <c>{DataDirectory}/setup-code</c> (owner-only) and creates exactly one administrator.
/// </summary>
public sealed partial class SetupCode(UserStore users, DataDirectory dataDirectory, ILogger<SetupCode> logger) : IHostedService
{
    public const string FileName = "setup-code";

    // Crockford's base32 without look-alikes: easy to read out of a log and type.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _redeeming = new(1, 1);
    private byte[]? _code;

    /// <summary>True while the first administrator has not been created.</summary>
    public bool IsPending
    {
        get
        {
            lock (_lock)
            {
                return _code is not null;
            }
        }
    }

    private string FilePath => Path.Combine(dataDirectory.FullPath, FileName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            File.Delete(FilePath);
            return;
        }

        var code = NewCode();
        lock (_lock)
        {
            _code = Encoding.ASCII.GetBytes(code);
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(FilePath, Encoding.ASCII, options))
        {
            await file.WriteLineAsync(code);
        }

        LogSetupCode(code, FilePath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Creates the first administrator if <paramref name="presented"/> is the code, and spends the
    /// code only when that succeeds: a refused password does not cost the operator a restart.
    /// Redemptions are serialised, so two browsers cannot both use one code.
    /// </summary>
    public async Task<SetupRedemption> RedeemAsync(string? presented, NewUser administrator, CancellationToken cancellationToken = default)
    {
        await _redeeming.WaitAsync(cancellationToken);
        try
        {
            if (!Matches(presented))
            {
                return new SetupRedemption(SetupRedemptionOutcome.WrongCode, null);
            }

            var created = await users.CreateAsync(administrator with { Role = Model.ApplianceRoles.Admin }, Editor.Authorized("setup"), cancellationToken);
            if (!created.Succeeded)
            {
                return new SetupRedemption(SetupRedemptionOutcome.Refused, created);
            }

            lock (_lock)
            {
                _code = null;
            }

            File.Delete(FilePath);
            return new SetupRedemption(SetupRedemptionOutcome.Created, created);
        }
        finally
        {
            _redeeming.Release();
        }
    }

    /// <summary>
    /// Ends the first run because an administrator arrived another way (a restored backup): the code
    /// is spent and its file deleted, so the site asks for a sign-in rather than a setup.
    /// </summary>
    public void Withdraw()
    {
        lock (_lock)
        {
            if (_code is null)
            {
                return;
            }

            _code = null;
        }

        File.Delete(FilePath);
    }

    private bool Matches(string? presented)
    {
        var candidate = Encoding.ASCII.GetBytes((presented ?? "").Trim().ToUpperInvariant());
        lock (_lock)
        {
            return _code is not null && CryptographicOperations.FixedTimeEquals(_code, candidate);
        }
    }

    private static string NewCode() =>
        string.Join('-', Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "No administrator exists yet. Open the admin site and enter the one-time setup code {Code} (also in {Path}) to create the first one.")]
    private partial void LogSetupCode(string code, string path);
}
