using System.Globalization;

namespace Bedflow.Core.Model;

/// <summary>
/// When a service admits patients: on some days of the week, between some hours (care homes
/// that take no one at weekends, packages that start only on weekdays). Outside the window
/// patients wait (blocked in their bed, or in the queue). Immutable.
/// </summary>
public sealed record AcceptanceWindow
{
    /// <summary>Days on which admissions happen; empty = every day.</summary>
    public IReadOnlySet<DayOfWeek> Days { get; init; } = new HashSet<DayOfWeek>();

    /// <summary>Opening hour of the day (0–24).</summary>
    public double FromHour { get; init; }

    /// <summary>Closing hour of the day (0–24, after <see cref="FromHour"/>); admissions happen in [from, to).</summary>
    public double ToHour { get; init; } = 24;

    /// <summary>Monday to Friday, all day.</summary>
    public static AcceptanceWindow Weekdays(double fromHour = 0, double toHour = 24) => new()
    {
        Days = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        FromHour = fromHour,
        ToHour = toHour,
    };

    /// <summary>What is wrong with the hours, each at its member below <paramref name="at"/> (the window's path).</summary>
    internal IEnumerable<ModelProblem> Problems(ModelPath at)
    {
        if (!(FromHour >= 0 && FromHour < 24))
        {
            yield return new(at.Member(nameof(FromHour)), string.Create(CultureInfo.InvariantCulture, $"from hour must be in [0, 24), but was {FromHour}."));
        }
        if (!(ToHour > FromHour && ToHour <= 24))
        {
            yield return new(at.Member(nameof(ToHour)), string.Create(CultureInfo.InvariantCulture, $"to hour must be after from hour ({FromHour}) and at most 24, but was {ToHour}."));
        }
    }
}
