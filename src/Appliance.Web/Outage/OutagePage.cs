using System.Net;

namespace Appliance.Web.Outage;

// The admin site's answer while the database is out: plain HTML, since the layout itself reads state
// that may be out of reach.
internal static class OutagePage
{
    public static string Render(string title, string detail) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} · Appliance</title></head>
        <body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
        <h1>{WebUtility.HtmlEncode(title)}</h1>
        <p>{WebUtility.HtmlEncode(detail)}</p>
        <p>Reload this page in a few seconds.</p>
        </body></html>
        """;
}
