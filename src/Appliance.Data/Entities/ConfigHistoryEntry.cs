namespace Appliance.Data.Entities;

// The whole configuration document as it was after one revision, kept for the history and for
// restoring it. The number is the revision's own, so it never repeats even after older rows are
// pruned; the document is the export's JSON with what the export withholds (basic-auth password
// hashes) encrypted by Data Protection.
internal sealed class ConfigHistoryEntry
{
    public long Number { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = "";

    // "route 'api' updated", "import", "restore of revision 12": what the revision's audit entry says.
    public string Summary { get; set; } = "";

    public string Document { get; set; } = "";
}
