using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.History;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.History;

/// <summary>An appliance keeping five revisions, with one backend behind pool "web".</summary>
public sealed class HistoryHost : ApplianceHost
{
    public const int MaxRevisions = 5;

    public TestBackend Backend { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { [HistoryOptions.MaxRevisionsKey] = MaxRevisions.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Backend = await TestBackend.StartAsync("web");
        await AddPoolAsync(new { name = "web", backends = new[] { new { address = Backend.Address } } });
    }

    public override async Task DisposeAsync()
    {
        await Backend.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>The current revision, as the revision list's ETag gives it.</summary>
    public async Task<long> RevisionAsync()
    {
        using var response = await Api.GetAsync("/api/v1/config/revisions?take=1");
        response.EnsureSuccessStatusCode();
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The whole configuration as exported now.</summary>
    public async Task<string> ExportAsync() => (await Api.GetFromJsonAsync<JsonElement>("/api/v1/config")).GetRawText();
}
