using Bedflow.Core.Randomness;

namespace Bedflow.Core.Model;

/// <summary>
/// The waits a patient moving on from a place makes even when the next service has room, so
/// that they are part of the least time its place is held: a choice of provider, and the time
/// until an acceptance window opens.
/// </summary>
internal static class MinimumWaits
{
    // Enough draws for E[min(W, cap)] to within about 0.5% of W's standard deviation; a fixed seed, so the figure is the same every time.
    private const int ChoiceDraws = 1 << 15;
    private const ulong ChoiceSeed = 0x5EED_F10B;

    /// <summary>
    /// The expected extra days in the bed held by a patient heading for a service with this
    /// choice: share × E[min(wait, cap)]. Without a cap, share × the mean wait exactly; with one,
    /// E[min(wait, cap)] is estimated from a fixed stream of draws (there is no closed form for
    /// every family).
    /// </summary>
    public static double Choice(PatientChoice? choice)
    {
        if (choice is null || choice.Share <= 0)
        {
            return 0;
        }
        if (choice.Cap is not { } cap || cap >= double.MaxValue)
        {
            return choice.Share * choice.Wait.Mean;
        }
        var rng = new Xoshiro256StarStar(ChoiceSeed);
        double sum = 0;
        for (int k = 0; k < ChoiceDraws; k++)
        {
            sum += Math.Min(choice.Wait.Sample(ref rng), cap);
        }
        return choice.Share * sum / ChoiceDraws;
    }

    /// <summary>
    /// The expected days from a moment spread evenly over the week until the window next opens:
    /// each closed stretch of length L is met with probability L/week and waited out for L/2 on
    /// average, so the mean is Σ L² / (2 × week). 0 without a window.
    /// </summary>
    public static double Window(AcceptanceWindow? window)
    {
        if (window is null)
        {
            return 0;
        }
        // Open hours of the week, Monday 0:00 = hour 0.
        var open = new List<(double From, double To)>();
        for (int day = 0; day < 7; day++)
        {
            var weekday = (DayOfWeek)((day + 1) % 7);
            if (window.Days.Count == 0 || window.Days.Contains(weekday))
            {
                open.Add(((24 * day) + window.FromHour, (24 * day) + window.ToHour));
            }
        }
        if (open.Count == 0)
        {
            return double.PositiveInfinity;
        }
        const double week = 7 * 24;
        double squares = 0;
        for (int k = 0; k < open.Count; k++)
        {
            double closes = open[k].To;
            double opens = k + 1 < open.Count ? open[k + 1].From : open[0].From + week;
            double gap = Math.Max(0, opens - closes);
            squares += gap * gap;
        }
        return squares / (2 * week) / 24;
    }
}
