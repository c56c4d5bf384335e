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
/// <c>{DataDirectory}/setup-code</c> (owner-only) and works exactly once.
/// </summary>
public sealed partial class SetupCode(UserStore users, DataDirectory dataDirectory, ILogger<SetupCode> logger) : IHostedService
{
    public const string FileName = "setup-code";

    // Crockford's base32 without look-alikes: easy to read out of a log and type.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    private readonly Lock _lock = new();
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

    /// <summary>Accepts the code once; afterwards, and for any other code, false.</summary>
    public bool TryConsume(string? presented)
    {
        var candidate = Encoding.ASCII.GetBytes((presented ?? "").Trim().ToUpperInvariant());
        lock (_lock)
        {
            if (_code is null || !CryptographicOperations.FixedTimeEquals(_code, candidate))
            {
                return false;
            }

            _code = null;
        }

        File.Delete(FilePath);
        return true;
    }

    private static string NewCode() =>
        string.Join('-', Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "No administrator exists yet. Open the admin site and enter the one-time setup code {Code} (also in {Path}) to create the first one.")]
    private partial void LogSetupCode(string code, string path);
}
