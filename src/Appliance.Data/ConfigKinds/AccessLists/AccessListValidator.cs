using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AccessLists;

/// <summary>
/// An access list: its actions, every rule's address, CIDR range or country, and how many basic-auth users it
/// has. The users themselves are checked where their passwords are resolved
/// (<see cref="Passwords.BasicAuthPasswords"/>), because only there is it known whether a user sent
/// without a password has one stored.
/// </summary>
internal sealed class AccessListValidator : IConfigValidator<AccessListSpec>
{
    public const int MaxRules = 10_000;

    /// <summary>Each new password costs a slow hash: a bound on users bounds the work one write can ask for.</summary>
    public const int MaxBasicAuthUsers = 1000;

    public void Validate(AccessListSpec list, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(list.Name, errors);
        if (list.BasicAuthUsers is { Count: > MaxBasicAuthUsers })
        {
            errors.Add("basicAuthUsers", $"An access list has at most {MaxBasicAuthUsers} basic-auth users.");
        }

        if (list.DefaultAction is not (AccessActions.Allow or AccessActions.Deny))
        {
            errors.Add("defaultAction", $"Use {AccessActions.Allow} or {AccessActions.Deny}.");
        }

        if (list.DenyAction is not (AccessActions.Forbidden or AccessActions.Drop))
        {
            errors.Add("denyAction", $"Use {AccessActions.Forbidden} (a 403 page) or {AccessActions.Drop} (close the connection).");
        }

        if (list.Rules is null)
        {
            errors.Add("rules", "Rules are required (an empty list is allowed).");
            return;
        }

        if (list.Rules.Count > MaxRules)
        {
            errors.Add("rules", $"An access list has at most {MaxRules} rules.");
        }

        for (var i = 0; i < list.Rules.Count; i++)
        {
            var rule = list.Rules[i];
            if (rule is null)
            {
                errors.Add($"rules[{i}]", "A rule cannot be null.");
                continue;
            }

            if (rule.Action is not (AccessActions.Allow or AccessActions.Deny))
            {
                errors.Add($"rules[{i}].action", $"Use {AccessActions.Allow} or {AccessActions.Deny}.");
            }

            AccessRuleTargetValidator.Check(rule, $"rules[{i}]", context, errors);
        }
    }
}
