using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Backup;

namespace Appliance.Web.Tests.Backup;

/// <summary>A restore that cannot be trusted is refused with a problem and changes nothing; only Admins back up or restore.</summary>
public sealed class BackupRefusalTests(BackupHosts hosts) : IClassFixture<BackupHosts>
{
    public static TheoryData<string> Damages => new() { "wrong passphrase", "truncated", "flipped byte", "flipped header byte", "empty" };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_file_that_does_not_open_is_refused_and_changes_nothing(string damage)
    {
        var before = await BackupHosts.ExportAsync(hosts.Target);
        var file = hosts.Backup.ToArray();
        var passphrase = BackupHosts.Passphrase;
        switch (damage)
        {
            case "wrong passphrase":
                passphrase += "!";
                break;
            case "truncated":
                file = file[..^1];
                break;
            case "flipped byte":
                file[file.Length / 2] ^= 0x01;
                break;
            case "flipped header byte":
                file[20] ^= 0x80;
                break;
            case "empty":
                file = new byte[8];
                break;
        }

        using var response = await hosts.Target.Api.PostAsync("/api/v1/restore?replace=true", BackupHosts.RestoreContent(file, passphrase));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(BackupContainer.Unreadable, problem.GetProperty("detail").GetString());
        Assert.Equal(BackupContainer.Unreadable, problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, await BackupHosts.ExportAsync(hosts.Target));
    }

    [Fact]
    public async Task A_raw_body_with_the_passphrase_in_a_header_is_checked_the_same_way()
    {
        var before = await BackupHosts.ExportAsync(hosts.Target);
        using var content = new ByteArrayContent(hosts.Backup);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/restore?replace=true") { Content = content };
        request.Headers.Add("X-Backup-Passphrase", "not the passphrase at all");

        using var response = await hosts.Target.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(BackupContainer.Unreadable, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await BackupHosts.ExportAsync(hosts.Target));
    }

    [Fact]
    public async Task An_appliance_that_holds_configuration_is_replaced_only_when_asked()
    {
        var before = await BackupHosts.ExportAsync(hosts.Target);

        using var response = await hosts.Target.Api.PostAsync("/api/v1/restore", BackupHosts.RestoreContent(hosts.Backup, BackupHosts.Passphrase));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("replace=true", problem.GetProperty("errors").GetProperty("replace")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await BackupHosts.ExportAsync(hosts.Target));
    }

    [Fact]
    public async Task Short_passphrases_are_refused_for_both()
    {
        using var backup = await hosts.Source.Api.PostAsJsonAsync("/api/v1/backup", new { passphrase = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, backup.StatusCode);
        Assert.True((await backup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("passphrase", out _));

        using var restore = await hosts.Target.Api.PostAsync("/api/v1/restore?replace=true", BackupHosts.RestoreContent(hosts.Backup, "short"));
        Assert.Equal(HttpStatusCode.BadRequest, restore.StatusCode);
    }

    [Fact]
    public async Task A_viewer_may_neither_back_up_nor_restore_and_anonymous_callers_are_not_let_in()
    {
        using var viewer = new HttpClient { BaseAddress = hosts.Source.Api.BaseAddress };
        var token = await ViewerTokenAsync();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using (var backup = await viewer.PostAsJsonAsync("/api/v1/backup", new { passphrase = BackupHosts.Passphrase }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, backup.StatusCode);
        }

        using (var restore = await viewer.PostAsync("/api/v1/restore?replace=true", BackupHosts.RestoreContent(hosts.Backup, BackupHosts.Passphrase)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        }

        using var anonymous = new HttpClient { BaseAddress = hosts.Source.Api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/backup", new { passphrase = BackupHosts.Passphrase })).StatusCode);
    }

    [Fact]
    public async Task There_is_no_backup_through_a_query_string()
    {
        using var response = await hosts.Source.Api.GetAsync("/api/v1/backup?passphrase=" + Uri.EscapeDataString(BackupHosts.Passphrase));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
    }

    private async Task<string> ViewerTokenAsync()
    {
        using var response = await hosts.Source.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "viewer-" + Guid.NewGuid().ToString("N")[..8], role = "Viewer" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
