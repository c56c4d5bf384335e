namespace Appliance.Data.Entities;

/// <summary>
/// A configuration object's row, found by the name the operator gave it: the store syncs a kind's
/// rows with its part of the configuration document by this name.
/// </summary>
internal interface INamedEntity
{
    string Name { get; set; }
}
