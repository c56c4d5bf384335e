using System.Text.RegularExpressions;

namespace Appliance.Engine.Tests.Architecture;

/// <summary>
/// docs/architecture.md quotes the request pipeline and the engine's registration chain; these
/// fail when a step or a feature is added to the code and not to the page, or listed out of order.
/// </summary>
public sealed partial class ArchitectureDocTests
{
    private const string Doc = "docs/architecture.md";

    [Fact]
    public void The_request_flow_names_every_pipeline_step_in_the_pipelines_order()
    {
        var steps = PipelineStep().Matches(RepositoryFiles.Read("src/Appliance.Engine/DataPlane/DataPlanePipeline.cs"))
            .Select(m => m.Groups["name"].Value)
            .ToList();
        Assert.Contains("UseChallengeAnswers", steps);

        var doc = RepositoryFiles.Read(Doc);
        var start = doc.IndexOf("## How a request flows", StringComparison.Ordinal);
        var end = doc.IndexOf("### The route tester", start, StringComparison.Ordinal);
        var section = doc[start..end];

        var missing = steps.Where(step => !section.Contains('`' + step + '`', StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "\"How a request flows\" leaves out " + string.Join(", ", missing));

        var documentedOrder = steps.OrderBy(step => section.IndexOf('`' + step + '`', StringComparison.Ordinal)).ToList();
        Assert.Equal(steps, documentedOrder);
    }

    [Fact]
    public void The_quoted_registration_chain_is_the_engines_chain()
    {
        var code = RepositoryFiles.Read("src/Appliance.Engine/DataPlane/EngineServiceCollectionExtensions.cs");
        var chain = code[code.IndexOf("new ApplianceEngineBuilder", StringComparison.Ordinal)..];
        var registered = ChainCall().Matches(chain).Select(m => m.Groups["name"].Value).ToList();
        Assert.Contains("AddChallenge", registered);

        var doc = RepositoryFiles.Read(Doc);
        var start = doc.IndexOf("`DataPlane/EngineServiceCollectionExtensions.cs` is one chain:", StringComparison.Ordinal);
        Assert.True(start >= 0, "the quote of the chain is gone from " + Doc);
        var quote = doc[start..doc.IndexOf(").\n", start, StringComparison.Ordinal)];
        var quoted = QuotedCall().Matches(quote).Select(m => m.Groups["name"].Value).ToList();

        Assert.Equal(registered, quoted);
    }

    [GeneratedRegex(@"\b(?:app|proxy)\.(?<name>Use\w+)\(")]
    private static partial Regex PipelineStep();

    [GeneratedRegex(@"\.(?<name>Add\w+)\(\)")]
    private static partial Regex ChainCall();

    [GeneratedRegex(@"`(?<name>Add\w+)\(\)`")]
    private static partial Regex QuotedCall();
}
