using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.ConfigKinds.AccessLists;

// Rules and users are read and written whole, in order, so each is one JSON column.
internal sealed class AccessListMapper : IConfigMapper<AccessListSpec, AccessListEntity>
{
    public AccessListSpec ToSpec(AccessListEntity list) => new()
    {
        Name = list.Name,
        Global = list.Global,
        DefaultAction = list.DefaultAction,
        DenyAction = list.DenyAction,
        Rules = ConfigJson.Deserialize<AccessRuleSpec[]>(list.RulesJson) ?? [],
        BasicAuthUsers = (ConfigJson.Deserialize<StoredBasicAuthUser[]>(list.BasicAuthJson) ?? [])
            .Select(u => new BasicAuthUserSpec { User = u.User, PasswordHash = u.Hash })
            .ToArray(),
    };

    public void Apply(AccessListSpec spec, AccessListEntity list, ApplianceDbContext db)
    {
        list.Name = spec.Name;
        list.Global = spec.Global;
        list.DefaultAction = spec.DefaultAction;
        list.DenyAction = spec.DenyAction;
        list.RulesJson = ConfigJson.Serialize(spec.Rules);
        list.BasicAuthJson = ConfigJson.Serialize(spec.BasicAuthUsers.Select(u => new StoredBasicAuthUser(u.User, u.PasswordHash ?? "")).ToArray());
    }
}
