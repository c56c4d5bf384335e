namespace Appliance.Data.Validation;

/// <summary>
/// Checks one aspect of one kind of configuration object, in the context of the whole configuration
/// it belongs to. Field names are relative to the object (<c>backends[0].address</c>): the document
/// validator puts them under the object's place when it reports a whole document. A kind composes
/// several of these, as YARP composes its <c>IClusterValidator</c>s.
/// </summary>
internal interface IConfigValidator<in TSpec>
{
    void Validate(TSpec spec, ConfigValidationContext context, ValidationErrors errors);
}
