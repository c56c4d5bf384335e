namespace Appliance.Data.Store;

/// <summary>How a store operation ended; the API maps it to 200/201, 400, 404 or 409.</summary>
public enum StoreStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}
