using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Appliance.Data.Providers;

// PostgreSQL's timestamptz takes only UTC offsets from Npgsql; a time read from a certificate or a
// clock with a local offset is the same instant in UTC, so it is written that way.
internal sealed class UtcDateTimeOffset() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
