using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Challenge;

/// <summary>Puts the switch into each snapshot, so that what is reported is what the data plane serves, not what was last saved.</summary>
internal sealed class UnderAttackStateCompiler : ISnapshotPartCompiler
{
    public void Compile(ConfigDocument document, SnapshotParts parts) =>
        parts.Set(document.Challenge?.UnderAttack == true ? new UnderAttackState(true) : UnderAttackState.Off);
}
