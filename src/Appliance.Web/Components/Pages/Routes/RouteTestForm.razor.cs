using Appliance.Engine.Routing.Testing;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>The route tester's form: reads the fields into a request, shows field messages or the answer.</summary>
public partial class RouteTestForm
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private string _method = "GET";
    private string _url = "";
    private string? _clientIp;
    private string? _headers;
    private bool _testing;
    private FieldMessages _messages = FieldMessages.None;
    private RouteTestResult? _result;

    [Inject]
    private RouteTester Tester { get; set; } = default!;

    private bool HeadersHaveErrors => HeaderErrors is not null;

    // "headers" (a line that is not a header) and "headers.<name>" (a name or value the API refuses) alike.
    private string? HeaderErrors => _messages.Has("headers") ? _messages.For("headers") : _messages.ForKeysStartingWith("headers.");

    private async Task TestAsync()
    {
        _testing = true;
        try
        {
            var (headers, lineError) = ParseHeaders(_headers);
            var request = new RouteTestRequest { Method = _method, Url = _url.Trim(), Headers = headers, ClientIp = string.IsNullOrWhiteSpace(_clientIp) ? null : _clientIp.Trim() };
            var errors = RouteTestValidator.Validate(request);
            if (lineError is not null)
            {
                errors["headers"] = [lineError];
            }

            _messages = new FieldMessages(errors);
            _result = errors.Count == 0 ? await Tester.TestAsync(request) : null;
        }
        finally
        {
            _testing = false;
        }
    }

    private static (Dictionary<string, string> Headers, string? Error) ParseHeaders(string? text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (headers, $"Line {i + 1} is not 'Name: value'.");
            }

            // Repeated names are joined as HTTP joins them, so "Cookie" may be given on two lines.
            var name = lines[i][..colon].Trim();
            var value = lines[i][(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}{(name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? "; " : ", ")}{value}" : value;
        }

        return (headers, null);
    }
}
