namespace Appliance.Web.Api;

/// <summary>Where one kind of configuration object lives in the API, and the few ways its endpoints differ from the others'.</summary>
internal sealed record ConfigObjectApi
{
    /// <summary>The collection's path under <c>/api/v1</c>: <c>/pools</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The OpenAPI tag.</summary>
    public required string Tag { get; init; }

    /// <summary>Whether <c>GET {path}/{name}</c> answers one object.</summary>
    public bool ReadOne { get; init; }

    /// <summary>Whether a delete can be refused with 409 because other objects refer to the one deleted.</summary>
    public bool DeleteMayConflict { get; init; }

    /// <summary>Whether <c>PUT {path}/{name}</c> takes the name from the URL whatever the body says (access lists and rate limits always have).</summary>
    public bool NameFromUrl { get; init; }
}
