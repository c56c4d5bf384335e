using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Appliance.Web.Tests.Challenge;

/// <summary>What the challenge page's script does, done in the test: read the form, find the counter, post it.</summary>
internal static partial class ChallengeProof
{
    public sealed record Form(string Token, int Difficulty, string Return);

    public static Form Read(string html)
    {
        var token = TokenInput().Match(html);
        var difficulty = DifficultyAttribute().Match(html);
        var returnTo = ReturnInput().Match(html);
        Assert.True(token.Success && difficulty.Success && returnTo.Success, "no challenge form in: " + html);
        return new Form(WebUtility.HtmlDecode(token.Groups[1].Value), int.Parse(difficulty.Groups[1].Value), WebUtility.HtmlDecode(returnTo.Groups[1].Value));
    }

    /// <summary>The first counter whose SHA-256(token + counter) starts with the required zero hex digits.</summary>
    public static string Solve(string token, int difficulty)
    {
        var zeros = new string('0', difficulty);
        for (var counter = 0L; ; counter++)
        {
            var hex = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token + counter)));
            if (hex.StartsWith(zeros, StringComparison.Ordinal))
            {
                return counter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public static FormUrlEncodedContent Answer(string token, string counter, string returnTo) =>
        new(new Dictionary<string, string> { ["token"] = token, ["counter"] = counter, ["return"] = returnTo });

    [GeneratedRegex("name=\"token\" value=\"([^\"]*)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("data-difficulty=\"(\\d+)\"")]
    private static partial Regex DifficultyAttribute();

    [GeneratedRegex("name=\"return\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnInput();
}
