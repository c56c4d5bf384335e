using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Passwords;
using Appliance.Data.Secrets;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AccessLists;

/// <summary>Access lists: allow and deny rules over client addresses, and basic-auth users with write-only passwords.</summary>
internal sealed class AccessListKind : EntityConfigKind<AccessListSpec, AccessListEntity>
{
    public override string Member => "accessLists";

    public override string EntityType => "access-list";

    public override string Noun => "access list";

    public override IReadOnlyList<IConfigValidator<AccessListSpec>> Validators { get; } = [new AccessListValidator()];

    public override IConfigMapper<AccessListSpec, AccessListEntity> Mapper { get; } = new AccessListMapper();

    public override IReadOnlyList<AccessListSpec>? Get(ConfigDocument document) => document.AccessLists;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<AccessListSpec> items) => document with { AccessLists = items };

    public override string NameOf(AccessListSpec spec) => spec.Name;

    public override AccessListSpec WithName(AccessListSpec spec, string name) => spec with { Name = name };

    public override AccessListSpec Normalize(AccessListSpec spec) => ConfigNormalizer.Normalize(spec);

    // New passwords are hashed before the store's write lock is taken.
    public override AccessListSpec SealSecrets(AccessListSpec incoming, ConfigSecretProtector protector) =>
        incoming with { BasicAuthUsers = BasicAuthPasswords.HashNew(incoming.BasicAuthUsers)! };

    // Passwords become hashes before anything is stored; a user sent without one keeps the stored hash.
    public override AccessListSpec Prepare(AccessListSpec incoming, AccessListSpec? stored, ValidationErrors errors) =>
        incoming with { BasicAuthUsers = BasicAuthPasswords.Resolve(incoming.BasicAuthUsers, stored?.BasicAuthUsers ?? [], errors) };

    public override string? ReferencedBy(ConfigDocument document, string name)
    {
        var routes = document.Routes.Where(r => r.AccessList == name).Select(r => r.Name).ToArray();
        if (routes.Length > 0)
        {
            return $"Access list '{name}' is used by route {Quoted(routes)}.";
        }

        var streams = document.Streams.Where(s => s.AccessList == name).Select(s => s.Name).ToArray();
        return streams.Length == 0 ? null : $"Access list '{name}' is used by stream {Quoted(streams)}.";
    }
}
