namespace Appliance.Engine.Alerts;

/// <summary>The outcome of "Send test": delivered, or the reason it was not.</summary>
public sealed record AlertTestResult(string Channel, bool Delivered, string? Error);
