using System.Globalization;

namespace Bedflow.Core.Statistics.Fitting;

/// <summary>One pass over stays that checks each and, when asked, keeps their durations for a <see cref="StaySample"/>.</summary>
internal static class StayScan
{
    /// <summary>
    /// The stays, collected for the Kaplan–Meier estimate (no minimum of completed stays); throws
    /// on the first duration that cannot be used.
    /// </summary>
    public static StaySample Collect(IEnumerable<Stay> stays, string name)
    {
        List<double> completed = [], censored = [];
        var problems = Scan(stays, 0, completed, censored);
        if (problems.FirstOrDefault(p => p.Kind == StayFitProblemKind.InvalidDuration) is { } bad)
        {
            throw new ArgumentException(bad.Message, name);
        }
        return StaySample.From(completed, censored);
    }

    private const int NamedInvalid = 10;

    // One pass: checks each stay and, given lists, keeps the durations.
    public static List<StayFitProblem> Scan(IEnumerable<Stay> stays, int minimumCompleted, List<double>? completed, List<double>? censored)
    {
        var problems = new List<StayFitProblem>();
        long index = 0, invalid = 0, events = 0, stillIn = 0;
        foreach (var stay in stays)
        {
            if (!stay.IsValid)
            {
                if (++invalid <= NamedInvalid)
                {
                    problems.Add(new StayFitProblem(StayFitProblemKind.InvalidDuration,
                        string.Create(CultureInfo.InvariantCulture, $"Stay {index} (counting from 0) lasts {Preconditions.Show(stay.Days)} days: a length of stay must be a finite number of days greater than 0."),
                        Index: index, Value: stay.Days));
                }
            }
            else if (stay.IsCensored)
            {
                stillIn++;
                censored?.Add(stay.Days);
            }
            else
            {
                events++;
                completed?.Add(stay.Days);
            }
            index++;
        }
        if (invalid > NamedInvalid)
        {
            problems.Add(new StayFitProblem(StayFitProblemKind.InvalidDuration,
                string.Create(CultureInfo.InvariantCulture, $"{invalid - NamedInvalid:N0} more stays have durations that are not a finite number of days greater than 0.")));
        }
        if (index == 0)
        {
            problems.Add(new StayFitProblem(StayFitProblemKind.NoStays, "There are no stays to fit."));
        }
        else if (events == 0 && stillIn > 0)
        {
            problems.Add(new StayFitProblem(StayFitProblemKind.AllCensored,
                string.Create(CultureInfo.InvariantCulture, $"All {stillIn:N0} stays were still in at the extract date: no completed stay says how long a stay lasts.")));
        }
        else if (events < minimumCompleted)
        {
            problems.Add(new StayFitProblem(StayFitProblemKind.TooFewCompletedStays,
                string.Create(CultureInfo.InvariantCulture, $"Only {events:N0} of {events + stillIn:N0} stays were completed: at least {minimumCompleted:N0} completed stays are needed to fit a length of stay.")));
        }
        return problems;
    }
}
