namespace Appliance.Engine.Security.Bans;

/// <summary>The enabled ban rules of one revision, the same for every route and for requests no route takes.</summary>
internal sealed class BanRulesPlan(IReadOnlyList<CompiledBanRule> rules)
{
    public static BanRulesPlan None { get; } = new([]);

    public IReadOnlyList<CompiledBanRule> Rules { get; } = rules;
}
