namespace Appliance.Engine.Tests.Architecture;

/// <summary>
/// The house rule on file size, guarded by the build as well as by review: a hand-written C# file
/// under <c>src/</c> has at most 350 lines and a Razor component at most 200, so a file that grows
/// past them is split by concern. Generated code (EF migrations and their snapshots,
/// <c>*.Designer.cs</c>) and build output are not hand-written and not counted.
/// </summary>
public sealed class SourceFileSizeTests
{
    public const int MaxCSharpLines = 350;
    public const int MaxRazorLines = 200;

    [Fact]
    public void No_hand_written_csharp_file_under_src_is_over_350_lines()
    {
        var files = HandWritten("*.cs").ToList();
        Assert.Contains(files, file => file.EndsWith("DataPlanePipeline.cs", StringComparison.Ordinal));

        AssertWithin(files, MaxCSharpLines);
    }

    [Fact]
    public void No_razor_component_under_src_is_over_200_lines()
    {
        var files = HandWritten("*.razor").ToList();
        Assert.NotEmpty(files);

        AssertWithin(files, MaxRazorLines);
    }

    [Theory]
    [InlineData("src/Appliance.Data/Migrations/Sqlite/20260101000000_Some.cs", false)]
    [InlineData("src/Appliance.Data/Migrations/Postgres/PostgresApplianceDbContextModelSnapshot.cs", false)]
    [InlineData("src/Appliance.Web/Properties/Resources.Designer.cs", false)]
    [InlineData("src/Appliance.Web/obj/Release/net10.0/Appliance.Web.AssemblyInfo.cs", false)]
    [InlineData("src/Appliance.Web/bin/Release/net10.0/x.cs", false)]
    [InlineData("src/Appliance.Engine/DataPlane/DataPlanePipeline.cs", true)]
    [InlineData("src/Appliance.Web/Components/Pages/Pools/PoolForm.razor", true)]
    public void Only_hand_written_files_are_counted(string path, bool counted)
    {
        Assert.Equal(counted, IsHandWritten(path));
    }

    private static IEnumerable<string> HandWritten(string pattern)
    {
        var src = Path.Combine(RepositoryFiles.RootDirectory, "src");
        return Directory.EnumerateFiles(src, pattern, SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryFiles.RootDirectory, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(IsHandWritten);
    }

    private static bool IsHandWritten(string relativePath)
    {
        var segments = relativePath.Split('/');
        return !segments.Any(segment => segment is "Migrations" or "bin" or "obj")
            && !relativePath.EndsWith(".Designer.cs", StringComparison.Ordinal)
            && !relativePath.EndsWith(".g.cs", StringComparison.Ordinal);
    }

    private static void AssertWithin(IEnumerable<string> files, int limit)
    {
        var over = files
            .Select(file => (file, lines: File.ReadLines(Path.Combine(RepositoryFiles.RootDirectory, file)).Count()))
            .Where(f => f.lines > limit)
            .Select(f => $"{f.file} ({f.lines} lines)")
            .ToList();

        Assert.True(over.Count == 0, $"Over {limit} lines, split by concern: " + string.Join(", ", over));
    }
}
