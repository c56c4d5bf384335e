using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;

namespace Appliance.Web.Tests.Backup;

/// <summary>
/// Two appliances, each with its own data directory and key ring: the source, configured with a pool,
/// routes, a cache rule, an access list with a basic-auth user, an uploaded certificate, a user and API
/// tokens, logging everything it logs; and the target, fresh, on which the source's backup is restored.
/// </summary>
public sealed class BackupHosts : IAsyncLifetime
{
    public const string Passphrase = "a long and unusual passphrase 7";
    public const string SecureHost = "secure.backup.test";
    public const string TeamHost = "team.backup.test";
    public const string BasicUser = "ops";
    public const string BasicPassword = "correct horse battery";
    public const string AdminUser = "alice";
    public const string AdminPassword = "alice's own passphrase";

    public LoggingHost Source { get; } = new();
    public ApplianceHost Target { get; } = new();

    /// <summary>Alert channel secrets: sealed with each appliance's own key ring, so a backup must carry them open inside its envelope.</summary>
    public const string WebhookSecret = "webhook signing secret 0123456789";
    public const string SmtpPassword = "smtp password 0123456789";
    public TestBackend Backend { get; private set; } = null!;

    /// <summary>An Admin token made on the source, which the backup carries.</summary>
    public string DeployToken { get; private set; } = "";

    /// <summary>A Viewer token made on the target.</summary>
    public string ViewerToken { get; private set; } = "";

    public byte[] Backup { get; private set; } = [];
    public string? ContentDisposition { get; private set; }
    public string SourceExport { get; private set; } = "";
    public string SourceThumbprint { get; private set; } = "";
    public JsonElement RestoreAnswer { get; private set; }

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Source.InitializeAsync(), Target.InitializeAsync());
        Backend = await TestBackend.StartAsync("web");

        var (chain, key) = TestCertificates.Issue([SecureHost]);
        await PostAsync(Source, "/api/v1/certificates", new { name = "site", pem = chain, key });
        await Source.AddPoolAsync(new { name = "web", backends = new[] { new { address = Backend.Address } } });
        await PostAsync(Source, "/api/v1/access-lists", new { name = "team", defaultAction = "Allow", basicAuthUsers = new[] { new { user = BasicUser, password = BasicPassword } } });
        await Source.AddRouteAsync(new { name = "secure", hosts = new[] { SecureHost }, targets = new[] { new { pool = "web", weight = 1 } }, tls = "site" });
        await Source.AddRouteAsync(new { name = "team", hosts = new[] { TeamHost }, targets = new[] { new { pool = "web", weight = 1 } }, accessList = "team" });
        await PostAsync(Source, "/api/v1/cache-rules", new { name = "static", route = "secure", match = "/static/**", mode = "DefaultTtl", defaultTtlSeconds = 60 });
        await PostAsync(Source, "/api/v1/alerts/channels", new { name = "hook", webhook = new { url = "https://hooks.example.com/appliance", secret = WebhookSecret } });
        await PostAsync(Source, "/api/v1/alerts/channels", new { name = "mail", email = new { host = "smtp.example.com", port = 587, security = "StartTls", userName = "alerts", password = SmtpPassword, from = "appliance@example.com", to = new[] { "ops@example.com" } } });
        await Source.App.Services.GetRequiredService<UserStore>().CreateAsync(
            new NewUser { UserName = AdminUser, Password = AdminPassword, Role = ApplianceRoles.Admin }, Editor.Authorized("test"));
        await Source.App.Services.GetRequiredService<Appliance.Data.Users.Preferences.UserPreferencesStore>().SetAsync(
            AdminUser, new Appliance.Data.Users.Preferences.UserPreferences { Theme = Appliance.Data.Users.Preferences.ThemePreference.Dark });
        DeployToken = await CreateTokenAsync(Source, "deploy", ApplianceRoles.Admin);
        ViewerToken = await CreateTokenAsync(Target, "watch", ApplianceRoles.Viewer);
        await Source.WaitForLiveConfigAsync();

        SourceExport = await ExportAsync(Source);
        SourceThumbprint = (await TlsClient.ServedCertificateAsync(Source.HttpsAddress, SecureHost)).Thumbprint;

        using (var backup = await Source.Api.PostAsJsonAsync("/api/v1/backup", new { passphrase = Passphrase }))
        {
            await EnsureAsync(backup);
            Backup = await backup.Content.ReadAsByteArrayAsync();
            ContentDisposition = backup.Content.Headers.ContentDisposition?.ToString();
        }

        // The target's Viewer token is all it holds, so the restore must be told to replace.
        using var restore = await Target.Api.PostAsync("/api/v1/restore?replace=true", RestoreContent(Backup, Passphrase));
        await EnsureAsync(restore);
        RestoreAnswer = await restore.Content.ReadFromJsonAsync<JsonElement>();
        await Target.WaitForLiveConfigAsync();
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(Source.DisposeAsync(), Target.DisposeAsync());
        await Backend.DisposeAsync();
    }

    public static MultipartFormDataContent RestoreContent(byte[] file, string passphrase) => new()
    {
        { new ByteArrayContent(file), "file", "appliance.backup" },
        { new StringContent(passphrase), "passphrase" },
    };

    public static async Task<string> ExportAsync(ApplianceHost host) => (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config")).GetRawText();

    private static async Task<string> CreateTokenAsync(ApplianceHost host, string name, string role)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name, role });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static async Task PostAsync(ApplianceHost host, string path, object body)
    {
        using var response = await host.Api.PostAsJsonAsync(path, body);
        await EnsureAsync(response);
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
