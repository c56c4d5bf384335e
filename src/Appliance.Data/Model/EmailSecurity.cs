namespace Appliance.Data.Model;

/// <summary>How an e-mail channel talks to its SMTP server.</summary>
public static class EmailSecurity
{
    /// <summary>Plain SMTP upgraded with STARTTLS before anything else is said; refused when the server does not offer it.</summary>
    public const string StartTls = "StartTls";

    /// <summary>Plain SMTP throughout: only for a relay on the same host or a trusted network.</summary>
    public const string None = "None";

    public static IReadOnlyList<string> All { get; } = [StartTls, None];
}
