using Appliance.Data.Users;

namespace Appliance.Web.Api;

/// <summary>
/// A user of the admin site as <c>GET /api/v1/users</c> lists them, with whether signing in asks
/// them for a code from an authenticator: never a password, hash or secret.
/// </summary>
public sealed record UserResponse(int Id, string UserName, string Role, DateTimeOffset CreatedAt, bool TwoFactor)
{
    internal static UserResponse From(UserInfo user, IReadOnlySet<int> withTwoFactor) =>
        new(user.Id, user.UserName, user.Role, user.CreatedAt, withTwoFactor.Contains(user.Id));
}
