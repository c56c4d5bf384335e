using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

/// <summary>
/// Thousands of random, malformed and boundary bodies against every API write endpoint: the API
/// must refuse each with a 4xx problem, never fail with a 5xx, and the configuration must not move.
/// Bodies are built from valid ones with the name always broken, so none can be accepted by chance.
/// </summary>
public sealed class ApiFuzzTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    private const int BodiesPerEndpoint = 250;

    private static readonly (HttpMethod Method, string Path, JsonObject Template)[] Endpoints =
    [
        (HttpMethod.Post, "/api/v1/pools", Json("""{"name":"p","loadBalancing":"RoundRobin","healthCheck":{"path":"/","intervalSeconds":5,"timeoutSeconds":2,"unhealthyAfter":2,"healthyAfter":1},"backends":[{"address":"http://10.0.0.1:80","weight":1,"enabled":true}]}""")),
        (HttpMethod.Put, "/api/v1/pools/fuzz", Json("""{"name":"fuzz","backends":[{"address":"http://10.0.0.1:80"}]}""")),
        (HttpMethod.Post, "/api/v1/routes", Json("""{"name":"r","hosts":["a.test"],"path":"/","methods":["GET"],"order":0,"targets":[{"pool":"fuzz","weight":1}],"sticky":false,"tls":"off","httpsRedirect":false,"hstsMaxAgeSeconds":0,"compression":true}""")),
        (HttpMethod.Put, "/api/v1/routes/fuzz", Json("""{"name":"fuzz","targets":[{"pool":"fuzz","weight":1}]}""")),
        (HttpMethod.Post, "/api/v1/cache-rules", Json("""{"name":"c","route":null,"match":"/static","mode":"FollowOrigin","defaultTtlSeconds":60,"maxObjectBytes":1024,"includeQueryString":true}""")),
        (HttpMethod.Post, "/api/v1/access-lists", Json("""{"name":"a","global":false,"defaultAction":"Allow","denyAction":"Forbidden","rules":[{"action":"Deny","cidr":"10.0.0.0/8"}]}""")),
        (HttpMethod.Post, "/api/v1/rate-limits", Json("""{"name":"l","global":false,"permits":5,"periodSeconds":60,"burst":5,"maxConcurrent":0}""")),
        (HttpMethod.Post, "/api/v1/certificates", Json("""{"name":"x","pem":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----","key":"k"}""")),
        (HttpMethod.Post, "/api/v1/certificates/acme", Json("""{"name":"x","hostnames":["a.test"]}""")),
        (HttpMethod.Post, "/api/v1/tokens", Json("""{"name":"t","role":"Viewer"}""")),
        (HttpMethod.Put, "/api/v1/config", Json("""{"pools":[{"name":"p","backends":[]}],"routes":[],"cacheRules":[],"accessLists":[],"rateLimits":[]}""")),
    ];

    [Fact]
    public async Task Random_malformed_and_boundary_bodies_get_4xx_never_5xx_and_change_nothing()
    {
        await host.AddPoolAsync(new { name = "fuzz", backends = new[] { new { address = "http://10.0.0.1:80" } } });
        await host.AddRouteAsync(new { name = "fuzz", targets = new[] { new { pool = "fuzz", weight = 1 } } });
        var before = await host.Api.GetStringAsync("/api/v1/config");
        var tokensBefore = await host.Api.GetStringAsync("/api/v1/tokens");
        var random = new Random(20261127);
        var failures = new List<string>();

        foreach (var (method, path, template) in Endpoints)
        {
            for (var i = 0; i < BodiesPerEndpoint; i++)
            {
                var (body, contentType) = Body(random, template, path.EndsWith("/config", StringComparison.Ordinal), method == HttpMethod.Put);
                using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                using var response = await host.Api.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status is < 400 or >= 500)
                {
                    failures.Add($"{method} {path} answered {status} to: {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.Equal(before, await host.Api.GetStringAsync("/api/v1/config"));
        Assert.Equal(tokensBefore, await host.Api.GetStringAsync("/api/v1/tokens"));
    }

    [Fact]
    public async Task An_import_without_pools_and_routes_is_refused_rather_than_taken_for_an_empty_configuration()
    {
        await host.AddPoolAsync(new { name = "kept", backends = Array.Empty<object>() });

        using var response = await host.Api.PutAsync("/api/v1/config", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("pools", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/v1/pools/kept")).StatusCode);
    }

    private static (byte[] Body, string ContentType) Body(Random random, JsonObject template, bool isDocument, bool isReplace)
    {
        switch (random.Next(10))
        {
            case 0:
                return (RandomBytes(random), "application/json");
            case 1:
                return (Encoding.UTF8.GetBytes(Truncate(random, template.ToJsonString())), "application/json");
            case 2:
                return (Encoding.UTF8.GetBytes(RandomValue(random, depth: 0)?.ToJsonString() ?? "null"), "application/json");
            case 3:
                return (Encoding.UTF8.GetBytes(template.ToJsonString()), random.Next(2) == 0 ? "text/plain" : "application/xml");
            default:
                var mutated = (JsonObject)template.DeepClone();
                for (var m = random.Next(1, 5); m > 0; m--)
                {
                    Mutate(random, mutated, depth: 0);
                }

                // The document has no name: break its pools instead, so it can never be imported.
                if (isDocument)
                {
                    mutated["pools"] = new JsonArray(new JsonObject { ["name"] = BrokenName(random, freeText: false), ["backends"] = new JsonArray() });
                }
                else
                {
                    // A replace takes its name from the URL when the body has none; another name is refused.
                    mutated["name"] = isReplace ? JsonValue.Create("another-name") : BrokenName(random, freeText: template.ContainsKey("role"));
                }

                return (Encoding.UTF8.GetBytes(mutated.ToJsonString()), "application/json");
        }
    }

    private static void Mutate(Random random, JsonNode node, int depth)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            var key = obj.Select(p => p.Key).ElementAt(random.Next(obj.Count));
            if (depth < 3 && obj[key] is JsonObject or JsonArray && random.Next(2) == 0)
            {
                Mutate(random, obj[key]!, depth + 1);
                return;
            }

            switch (random.Next(4))
            {
                case 0: obj.Remove(key); break;
                case 1: obj[key] = RandomValue(random, depth); break;
                case 2: obj["unknown" + random.Next(100)] = RandomValue(random, depth); break;
                default: obj[key] = Boundary(random); break;
            }
        }
        else if (node is JsonArray array)
        {
            if (array.Count > 0 && random.Next(2) == 0)
            {
                var index = random.Next(array.Count);
                if (array[index] is { } item && depth < 3 && item is JsonObject or JsonArray)
                {
                    Mutate(random, item, depth + 1);
                }
                else
                {
                    array[index] = RandomValue(random, depth);
                }
            }
            else
            {
                array.Add(RandomValue(random, depth));
            }
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 6 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => Boundary(random),
        3 => JsonValue.Create(RandomString(random)),
        4 => JsonValue.Create(random.NextDouble() * 1e10 - 5e9),
        5 => JsonValue.Create(new string('x', random.Next(1, 70_000))),
        6 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create("k" + i, RandomValue(random, depth + 1)))),
    };

    private static JsonNode Boundary(Random random) => random.Next(8) switch
    {
        0 => JsonValue.Create(int.MaxValue),
        1 => JsonValue.Create(int.MinValue),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(0),
        5 => JsonValue.Create(1e308),
        6 => JsonValue.Create("-0"),
        _ => JsonValue.Create(ulong.MaxValue),
    };

    // Token names are free text, so only what no name may be breaks them.
    private static JsonNode BrokenName(Random random, bool freeText) => random.Next(freeText ? 4 : 6) switch
    {
        0 => JsonValue.Create(""),
        1 => JsonValue.Create(42),
        2 => new JsonArray("a"),
        3 => JsonValue.Create("\u0000bad"),
        4 => JsonValue.Create("Not A Slug!"),
        _ => JsonValue.Create(new string('a', 64)),
    };

    private static string RandomString(Random random)
    {
        var alphabet = "abc/:*.-_ %?#{}[]\"\\\u00e9\u4e2d\ud83d\ude00\u0000\n";
        return new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 512)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Truncate(Random random, string json) => json[..random.Next(0, json.Length)];

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();
}
