namespace Appliance.Engine.GeoIp;

/// <summary>A database file's modification time and size: a replaced file changes at least one.</summary>
internal readonly record struct CountryDatabaseFileStamp(DateTime LastWriteUtc, long Length)
{
    /// <summary>The file's stamp now, or null when there is no such file.</summary>
    public static CountryDatabaseFileStamp? Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new CountryDatabaseFileStamp(file.LastWriteTimeUtc, file.Length) : null;
    }
}
