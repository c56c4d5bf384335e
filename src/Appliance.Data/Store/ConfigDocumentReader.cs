using Appliance.Data.ConfigKinds;
using Appliance.Data.Model;

namespace Appliance.Data.Store;

/// <summary>Reads the whole configuration document, every kind in name order.</summary>
internal static class ConfigDocumentReader
{
    /// <summary>
    /// The document as stored; <paramref name="tracked"/> keeps the rows in <paramref name="db"/>,
    /// as the write path needs them to save its change.
    /// </summary>
    public static async Task<ConfigDocument> ReadAsync(ApplianceDbContext db, bool tracked, CancellationToken cancellationToken)
    {
        var document = new ConfigDocument { Pools = [], Routes = [] };
        foreach (var kind in Kinds.All)
        {
            document = await kind.ReadIntoAsync(db, document, tracked, cancellationToken);
        }

        return document;
    }
}
