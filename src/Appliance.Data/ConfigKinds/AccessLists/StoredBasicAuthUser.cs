namespace Appliance.Data.ConfigKinds.AccessLists;

/// <summary>How a basic-auth user is kept in the database: the name and the PasswordHasher hash.</summary>
internal sealed record StoredBasicAuthUser(string User, string Hash);
