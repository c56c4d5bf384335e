namespace Appliance.Data.Users;

/// <summary>A user as the admin site lists it; never the password hash or security stamp.</summary>
public sealed record UserInfo(int Id, string UserName, string Role, DateTimeOffset CreatedAt);
