using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Guichet.Platform.Data;

/// Stores an instant as UTC ticks (SQLite only): sortable, comparable, exact.
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
