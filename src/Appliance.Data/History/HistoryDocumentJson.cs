using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Microsoft.AspNetCore.DataProtection;

namespace Appliance.Data.History;

/// <summary>
/// The JSON forms of a configuration document the history uses. At rest it is the export's JSON,
/// plus what the export withholds (basic-auth password hashes) encrypted with Data Protection: a
/// database dump then shows no hash the live tables do not already hold, not even the hashes of
/// passwords replaced since, while a restore still brings every user back as it was. For diffs,
/// withheld values become tags that say only whether two are equal (keyed per process, so they
/// mean nothing outside it).
/// </summary>
public sealed class HistoryDocumentJson
{
    private const string Purpose = "Appliance.ConfigHistory.v1";
    private const string TagPrefix = "(hidden ";

    private readonly IDataProtector _protector;
    private readonly byte[] _tagKey = RandomNumberGenerator.GetBytes(32);
    private readonly JsonSerializerOptions _stored;
    private readonly JsonSerializerOptions _comparable;

    public HistoryDocumentJson(IDataProtectionProvider protection)
    {
        _protector = protection.CreateProtector(Purpose);
        _stored = With(new WithheldMembers(_protector.Protect, Unprotect), indented: false);
        _comparable = With(new WithheldMembers(Tag, _ => null), indented: true);
    }

    /// <summary>The document as the history keeps it.</summary>
    public string Serialize(ConfigDocument document) => JsonSerializer.Serialize(document, _stored);

    /// <summary>A kept document, withheld values decrypted (null where the key ring no longer reads them).</summary>
    public ConfigDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ConfigDocument>(json, _stored) ?? throw new JsonException("A history entry holds no document.");

    /// <summary>The document indented for a line diff, withheld values as equality tags.</summary>
    public string Comparable(ConfigDocument document) => JsonSerializer.Serialize(document, _comparable);

    private string? Unprotect(string value)
    {
        try
        {
            return _protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            // The key ring lost the key: the value is gone, and a restore asks for it again.
            return null;
        }
    }

    private string Tag(string value)
    {
        var mac = HMACSHA256.HashData(_tagKey, Encoding.UTF8.GetBytes(value));
        return TagPrefix + Convert.ToHexStringLower(mac.AsSpan(0, 4)) + ")";
    }

    private static JsonSerializerOptions With(WithheldMembers withheld, bool indented)
    {
        var options = new JsonSerializerOptions(ConfigJson.Options)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { withheld.Modify } },
        };
        options.MakeReadOnly();
        return options;
    }
}
