using System.Net;
using Appliance.Data.Networking;
using Appliance.Data.Store;
using MaxMind.Db;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.GeoIp;

/// <summary>
/// The operator's MaxMind country database (<c>Appliance:GeoIP:DatabasePath</c>), opened once,
/// memory-mapped, on first use, and opened again when the file is replaced: operators update it
/// monthly, and a restart for that would drop connections. A file watcher notices the replacement
/// at once; a check of the file's time and size each minute catches what a watcher misses (network
/// and container mounts). A replacement that cannot be read keeps the database loaded before.
/// </summary>
public sealed class CountryDatabase : ICountryRules, IDisposable
{
    // A copy arrives in several writes: the database is opened once the file has been quiet this long.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(1);

    private readonly string? _path;
    private readonly TimeProvider _time;
    private readonly ILogger<CountryDatabase> _logger;
    private readonly Lock _gate = new();
    private volatile LoadedCountryDatabase? _current;

    // The database before the current one stays open until the next replacement: a lookup that
    // started on it just before the swap still reads mapped memory.
    private LoadedCountryDatabase? _retired;
    private CountryDatabaseFileStamp? _failedStamp;
    private string? _problem;
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private volatile bool _started;
    private bool _disposed;
    private long _lookups;
    private long _unknown;
    private long _failures;

    public CountryDatabase(GeoIpOptions options, TimeProvider time, ILogger<CountryDatabase> logger)
    {
        _path = string.IsNullOrWhiteSpace(options.DatabasePath) ? null : Path.GetFullPath(options.DatabasePath.Trim());
        _time = time;
        _logger = logger;
    }

    /// <summary>The message for a country rule when no database is configured.</summary>
    public const string NotConfigured =
        "Country rules need " + GeoIpOptions.DatabasePathKey + ": set it to a MaxMind country database (.mmdb, GeoLite2-Country or GeoIP2-Country) and restart.";

    /// <summary>A database path is configured (it may still be unreadable).</summary>
    public bool IsConfigured => _path is not null;

    /// <summary>Lookups since start, lookups of addresses the database does not place in a country, and lookups that failed.</summary>
    public (long Lookups, long Unknown, long Failures) Counts => (Interlocked.Read(ref _lookups), Interlocked.Read(ref _unknown), Interlocked.Read(ref _failures));

    /// <summary>
    /// The ISO 3166-1 code of the country <paramref name="address"/> is in (an IPv4-mapped IPv6
    /// address is read as IPv4), or null when no database is loaded or the address is in none.
    /// The code is the string the reader decodes; nothing else is allocated here.
    /// </summary>
    public string? FindCountry(IPAddress address)
    {
        if (Current() is not { } database)
        {
            return null;
        }

        Interlocked.Increment(ref _lookups);
        try
        {
            var code = database.Reader.Find<CountryRecord>(ClientAddresses.Normalize(address))?.IsoCode;
            if (code is null)
            {
                Interlocked.Increment(ref _unknown);
            }

            return code;
        }
        catch (Exception e) when (e is InvalidDatabaseException or DeserializationException or ObjectDisposedException or ArgumentException)
        {
            Interlocked.Increment(ref _failures);
            _logger.LookupFailed(_path!, e.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public string? Refusal()
    {
        if (_path is null)
        {
            return NotConfigured;
        }

        return Current() is null
            ? $"Country rules need a readable country database: {GeoIpOptions.DatabasePathKey} is '{_path}', which cannot be read ({_problem ?? "unknown error"})."
            : null;
    }

    /// <summary>The database as it is now; opens it when nothing has yet.</summary>
    public CountryDatabaseStatus Status()
    {
        var current = Current();
        var metadata = current?.Reader.Metadata;
        return new CountryDatabaseStatus(
            _path,
            current is not null,
            metadata?.DatabaseType,
            metadata is null ? null : new DateTimeOffset(metadata.BuildDate, TimeSpan.Zero),
            current?.LoadedAt,
            current is null ? _path is null ? NotConfigured : _problem : null);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher?.Dispose();
            _timer?.Dispose();
            _retired?.Reader.Dispose();
            _current?.Reader.Dispose();
            _current = null;
        }
    }

    private LoadedCountryDatabase? Current()
    {
        if (_started || _path is null)
        {
            return _current;
        }

        lock (_gate)
        {
            if (!_started && !_disposed)
            {
                Load();
                Watch();
                _started = true;
            }
        }

        return _current;
    }

    // Under _gate. A file that is unchanged, or that failed as it is, is not opened again.
    private void Load()
    {
        var stamp = CountryDatabaseFileStamp.Of(_path!);
        if (stamp is null)
        {
            _problem = "the file does not exist";
            return;
        }

        if (_current?.Stamp == stamp || _failedStamp == stamp)
        {
            return;
        }

        try
        {
            // Read whole into memory (a country database is a few MB): a mapping of a file that an operator
            // overwrites in place, rather than renaming a new one over it, could crash the process on a read.
            var reader = new Reader(_path!, FileAccessMode.Memory);
            _retired?.Reader.Dispose();
            _retired = _current;
            _current = new LoadedCountryDatabase(reader, stamp.Value, _time.GetUtcNow());
            _problem = null;
            _failedStamp = null;
            _logger.Loaded(_path!, reader.Metadata.DatabaseType, new DateTimeOffset(reader.Metadata.BuildDate, TimeSpan.Zero));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDatabaseException or ArgumentException or DeserializationException)
        {
            _problem = e.Message;
            _failedStamp = stamp;
            _logger.LoadFailed(_path!, e.Message);
        }
    }

    // Under _gate, once.
    private void Watch()
    {
        _timer = _time.CreateTimer(static state => ((CountryDatabase)state!).Recheck(), this, RecheckEvery, RecheckEvery);
        var directory = Path.GetDirectoryName(_path!);
        if (directory is null || !Directory.Exists(directory))
        {
            // The minute's check still notices a database that appears later.
            return;
        }

        try
        {
            _watcher = new FileSystemWatcher(directory, Path.GetFileName(_path!))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += OnFileEvent;
            _watcher.Created += OnFileEvent;
            _watcher.Renamed += OnFileEvent;
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // Out of inotify watches, or a file system without them: the minute's check is left.
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer?.Change(Settle, RecheckEvery);
            }
        }
    }

    private void Recheck()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Load();
            }
        }
    }
}
