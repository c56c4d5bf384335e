using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Appliance.Data.History;
using Appliance.Data.Store;

namespace Appliance.Data.Backup;

/// <summary>
/// The payload's JSON: the configuration's own rules (camelCase, unknown members refused), enums as
/// names, and what the export withholds (basic-auth password hashes) written as is, found the way
/// the history finds it, so a kind added later that withholds a secret is backed up the same way.
/// </summary>
internal static class BackupJson
{
    private static readonly JsonSerializerOptions Options = Create();

    public static byte[] Serialize(BackupPayload payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Options);

    /// <summary>The payload of an opened file; a file that decrypts but does not hold one is refused as damaged.</summary>
    public static BackupPayload Deserialize(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupPayload>(json, Options) ?? throw new BackupUnreadableException(BackupContainer.Unreadable);
        }
        catch (JsonException)
        {
            throw new BackupUnreadableException(BackupContainer.Unreadable);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var withheld = new WithheldMembers(value => value, value => value);
        var options = new JsonSerializerOptions(ConfigJson.Options)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { withheld.Modify } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
