namespace Appliance.Engine.Caching;

/// <summary>One element of a Cache-Control list as written: its name in lower case, and its argument (unquoted) or null when it has none.</summary>
internal readonly record struct CacheControlDirective(string Name, string? Argument);
