namespace Appliance.Engine.DataPlane;

/// <summary>
/// <see cref="TransportOptions.InlineSocketCompletions"/>: the runtime has only an environment
/// variable for it, read once when the first socket is made, so it is set in the process's own
/// environment while the host is built, before anything listens or connects.
/// </summary>
internal static class InlineSocketCompletions
{
    public const string VariableName = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Sets the variable when the setting asks for it and nobody set it outside; returns whether it did.</summary>
    public static bool Apply(bool wanted, Func<string, string?> read, Action<string, string> write)
    {
        if (!wanted || read(VariableName) is not null)
        {
            return false;
        }

        write(VariableName, "1");
        return true;
    }

    public static bool Apply(bool wanted) =>
        Apply(wanted, Environment.GetEnvironmentVariable, static (name, value) => Environment.SetEnvironmentVariable(name, value));
}
