namespace Bedflow.Web.Tests.Support;

/// <summary>A clock stopped at a time (the register's local time is UTC here), so "now" falls inside the example's data.</summary>
public sealed class FixedClock(DateTime now) : TimeProvider
{
    public DateTime Now { get; set; } = now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
}
