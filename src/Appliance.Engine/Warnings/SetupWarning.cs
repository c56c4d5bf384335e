namespace Appliance.Engine.Warnings;

/// <summary>
/// A setup that cannot work as configured: what is wrong (<see cref="Kind"/>, one of
/// <see cref="SetupWarningKinds"/>), the object it is about (a pool's or a route's name, as
/// <see cref="SetupWarningKinds.ObjectTypeOf"/> tells which) and a sentence for the operator.
/// </summary>
public sealed record SetupWarning(string Kind, string Object, string Message);
