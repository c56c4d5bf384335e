using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Appliance.Data.Configurations;

// Times that queries compare or sort are stored as Unix milliseconds: SQLite cannot compare
// DateTimeOffset in the database, and a number means the same on every provider.
internal sealed class UnixMilliseconds() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
