namespace Appliance.Data.Certificates;

/// <summary>
/// When an ACME certificate is renewed and when a failed attempt is tried again. Renewing with a
/// third of the lifetime left works the same for Let's Encrypt's 90-day and 6-day certificates:
/// 30 days or 2 days of margin for failures.
/// </summary>
public static class CertificateRenewalPolicy
{
    /// <summary>The first retry after a failure; each further failure doubles it.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between attempts, short enough for a 6-day certificate's 2-day margin.</summary>
    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(6);

    /// <summary>When a certificate valid from <paramref name="notBefore"/> to <paramref name="notAfter"/> is renewed: with a third of its lifetime left.</summary>
    public static DateTimeOffset RenewAt(DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        notAfter - (notAfter - notBefore) / 3;

    /// <summary>How long to wait after the <paramref name="failures"/>-th failure in a row (1 for the first).</summary>
    public static TimeSpan RetryAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var wait = FirstRetry * Math.Pow(2, exponent);
        return wait < LongestRetry ? wait : LongestRetry;
    }
}
