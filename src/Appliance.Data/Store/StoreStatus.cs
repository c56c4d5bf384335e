namespace Appliance.Data.Store;

/// <summary>How a store operation ended; the API maps it to 200/201, 400, 403, 404 or 409.</summary>
public enum StoreStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The one asking may not make the change (any more): a user since deleted or demoted.</summary>
    Forbidden,
}
