using Appliance.Engine.Caching;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Tests.Caching;

public sealed class ConnectionFieldsTests
{
    // Each row: the backend's Connection field values (one per line it sent); the fields left of
    // X-Secret, X-Other, Keep-Alive and Upgrade after removing the ones it names.
    [Theory]
    [InlineData("9110 §7.6.1: a field named in Connection is removed", new[] { "X-Secret" }, "X-Other,Keep-Alive,Upgrade")]
    [InlineData("9110 §7.6.1: names are case-insensitive", new[] { "x-SECRET" }, "X-Other,Keep-Alive,Upgrade")]
    [InlineData("9110 §7.6.1: a list, with optional whitespace and empty elements", new[] { " keep-alive ,, X-Secret\t, x-other" }, "Upgrade")]
    [InlineData("9110 §7.6.1: every Connection line counts", new[] { "close", "X-Other" }, "X-Secret,Keep-Alive,Upgrade")]
    [InlineData("9110 §7.6.1: the common options are names too", new[] { "Keep-Alive, upgrade" }, "X-Secret,X-Other")]
    [InlineData("9110 §7.6.1: close names nothing that is there", new[] { "close" }, "X-Secret,X-Other,Keep-Alive,Upgrade")]
    [InlineData("9110 §7.6.1: an element that is no field name does not keep the others", new[] { "X-Secret, bad token" }, "X-Other,Keep-Alive,Upgrade")]
    [InlineData("no Connection field: nothing removed", new string[0], "X-Secret,X-Other,Keep-Alive,Upgrade")]
    public void Fields_the_backend_names_in_Connection_are_removed(string clause, string[] connection, string left)
    {
        _ = clause;
        Assert.Equal(left.Split(','), Left(connection, parsedFirst: false));

        // The stale revalidator has enumerated (so parsed) the headers before: the same fields go.
        Assert.Equal(left.Split(','), Left(connection, parsedFirst: true));
    }

    private static IEnumerable<string> Left(string[] connection, bool parsedFirst)
    {
        using var backend = new HttpResponseMessage();
        foreach (var value in connection)
        {
            backend.Headers.TryAddWithoutValidation("Connection", value);
        }

        var headers = new HeaderDictionary
        {
            ["X-Secret"] = "1",
            ["X-Other"] = "2",
            ["Keep-Alive"] = "timeout=5",
            ["Upgrade"] = "h2c",
        };

        if (parsedFirst)
        {
            _ = backend.Headers.ToList();
        }

        ConnectionFields.Remove(headers, backend.Headers);
        return headers.Keys.ToArray();
    }
}
