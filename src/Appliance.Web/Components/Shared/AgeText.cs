namespace Appliance.Web.Components.Shared;

/// <summary>How long ago something happened, in the one short form every page uses ("30 s", "5 min", "3 h", "2 d").</summary>
public static class AgeText
{
    public static string Of(DateTimeOffset now, DateTimeOffset at)
    {
        var age = now - at;
        return age.TotalSeconds < 90 ? $"{Math.Max(0, age.TotalSeconds):0} s"
            : age.TotalMinutes < 90 ? $"{age.TotalMinutes:0} min"
            : age.TotalHours < 48 ? $"{age.TotalHours:0} h"
            : $"{age.TotalDays:0} d";
    }
}
