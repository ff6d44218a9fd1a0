using System.Globalization;
using Bedflow.Core.Model;
using MathNet.Numerics.Distributions;

namespace Bedflow.Core.Statistics;

/// <summary>
/// The maximum-likelihood fit behind <see cref="ArrivalRateFit"/>: log μ = c + α(month) +
/// β(weekday) by Newton's method (for the Poisson log link, the same as iteratively reweighted
/// least squares), with the first month and weekday that have arrivals as the references. The
/// model has main effects only, so the days collapse without loss into a 12 × 7 table of
/// arrivals and days recorded: the likelihood, score and information are sums over its cells.
/// </summary>
internal static class PoissonFactorFit
{
    private const int MaxIterations = 100;

    public static IEnumerable<string> Checks(DateOnly firstDay, IReadOnlyList<int?> counts)
    {
        int days = 0;
        long total = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            if (counts[i] is not { } y)
            {
                continue;
            }
            if (y < 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"the count for {firstDay.AddDays(i):yyyy-MM-dd} is negative ({y}); a day's arrivals are 0 or more.");
                continue;
            }
            days++;
            total += y;
        }
        if (days == 0)
        {
            yield return "there is no day with a count to fit.";
            yield break;
        }
        if (total == 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"there is no arrival in the {days} day(s) given: the rate is 0, and no month or weekday factor can be told from that.");
            yield break;
        }
        var table = Table.Of(firstDay, counts);
        if (!table.Connected())
        {
            yield return "the days given cannot tell a month's effect from a weekday's (some months share no weekday with arrivals with the others): give whole weeks in each month.";
        }
    }

    public static ArrivalRateFit Fit(DateOnly firstDay, IReadOnlyList<int?> counts)
    {
        var t = Table.Of(firstDay, counts);
        int[] months = [.. Enumerable.Range(0, 12).Where(m => t.MonthArrivals[m] > 0)];
        int[] weekdays = [.. Enumerable.Range(0, 7).Where(w => t.WeekdayArrivals[w] > 0)];
        int p = months.Length + weekdays.Length - 1;
        // Parameter k of each month and weekday (0 = c; −1 = the reference, fixed at 0).
        var monthParameter = Enumerable.Repeat(-1, 12).ToArray();
        var weekdayParameter = Enumerable.Repeat(-1, 7).ToArray();
        for (int i = 1; i < months.Length; i++)
        {
            monthParameter[months[i]] = i;
        }
        for (int j = 1; j < weekdays.Length; j++)
        {
            weekdayParameter[weekdays[j]] = months.Length - 1 + j;
        }
        var theta = new double[p];
        theta[0] = Math.Log(t.Total / (double)t.Days);
        double[,] inverse = Newton(t, months, weekdays, monthParameter, weekdayParameter, theta);

        double Effect(int k) => k < 0 ? 0 : theta[k];
        // Raw factors: exp(effect) where there are arrivals, 0 where there are days but none.
        var rawMonth = new double[12];
        var rawWeekday = new double[7];
        foreach (int m in months)
        {
            rawMonth[m] = Math.Exp(Effect(monthParameter[m]));
        }
        foreach (int w in weekdays)
        {
            rawWeekday[w] = Math.Exp(Effect(weekdayParameter[w]));
        }
        int presentMonths = Enumerable.Range(0, 12).Count(m => t.MonthDays[m] > 0);
        int presentWeekdays = Enumerable.Range(0, 7).Count(w => t.WeekdayDays[w] > 0);
        double meanMonth = rawMonth.Sum() / presentMonths, meanWeekday = rawWeekday.Sum() / presentWeekdays;
        double scale0 = Math.Exp(theta[0]);

        // Pearson's χ² over the days (not the cells, which would hide day-to-day spread).
        double chiSquare = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            if (counts[i] is { } y)
            {
                var (m, w) = Table.Cell(firstDay.AddDays(i));
                double mu = scale0 * rawMonth[m] * rawWeekday[w];
                chiSquare += mu > 0 ? (y - mu) * (y - mu) / mu : 0;
            }
        }
        int zeroLevels = (presentMonths - months.Length) + (presentWeekdays - weekdays.Length);
        int df = t.Days - p - zeroLevels;
        double dispersion = df > 0 ? chiSquare / df : double.NaN;
        bool over = df > 0 && 1 - ChiSquared.CDF(df, chiSquare) < ArrivalRateFit.OverdispersionLevel;
        double z = Normal.InvCDF(0, 1, 0.975) * (over ? Math.Sqrt(dispersion) : 1);

        double Interval(double[] gradient) => z * Math.Sqrt(Math.Max(0, Quadratic(inverse, gradient)));
        FittedValue LogNormal(double value, double[] gradient)
        {
            double half = Interval(gradient);
            return new FittedValue(value, value * Math.Exp(-half), value * Math.Exp(half));
        }

        // log b = c + log mean(raw month) + log mean(raw weekday).
        var baseGradient = new double[p];
        baseGradient[0] = 1;
        foreach (int m in months.Skip(1))
        {
            baseGradient[monthParameter[m]] = rawMonth[m] / (presentMonths * meanMonth);
        }
        foreach (int w in weekdays.Skip(1))
        {
            baseGradient[weekdayParameter[w]] = rawWeekday[w] / (presentWeekdays * meanWeekday);
        }
        var baseRate = LogNormal(scale0 * meanMonth * meanWeekday, baseGradient);

        // Garwood's exact upper 97.5% bound on a Poisson mean when 0 is seen: χ²(2, 0.975)/2 = 3.689.
        double zeroUpper = ChiSquared.InvCDF(2, 0.975) / 2;
        var monthFactors = new FittedValue[12];
        for (int m = 0; m < 12; m++)
        {
            if (t.MonthDays[m] == 0)
            {
                monthFactors[m] = new FittedValue(1, null, null, absent: true);
            }
            else if (t.MonthArrivals[m] == 0)
            {
                double expected = Enumerable.Range(0, 7).Sum(w => t.DaysIn[m, w] * scale0 * rawWeekday[w]);
                monthFactors[m] = new FittedValue(0, 0, expected > 0 ? zeroUpper / expected / meanMonth : null);
            }
            else
            {
                var g = new double[p];
                foreach (int k in months.Skip(1))
                {
                    g[monthParameter[k]] = (k == m ? 1 : 0) - (rawMonth[k] / (presentMonths * meanMonth));
                }
                monthFactors[m] = LogNormal(rawMonth[m] / meanMonth, g);
            }
        }
        var weekdayFactors = new FittedValue[7];
        for (int w = 0; w < 7; w++)
        {
            if (t.WeekdayDays[w] == 0)
            {
                weekdayFactors[w] = new FittedValue(1, null, null, absent: true);
            }
            else if (t.WeekdayArrivals[w] == 0)
            {
                double expected = Enumerable.Range(0, 12).Sum(m => t.DaysIn[m, w] * scale0 * rawMonth[m]);
                weekdayFactors[w] = new FittedValue(0, 0, expected > 0 ? zeroUpper / expected / meanWeekday : null);
            }
            else
            {
                var g = new double[p];
                foreach (int k in weekdays.Skip(1))
                {
                    g[weekdayParameter[k]] = (k == w ? 1 : 0) - (rawWeekday[k] / (presentWeekdays * meanWeekday));
                }
                weekdayFactors[w] = LogNormal(rawWeekday[w] / meanWeekday, g);
            }
        }
        return new ArrivalRateFit(baseRate, monthFactors, weekdayFactors, t.Days, t.Total, chiSquare, df);
    }

    /// <summary>Newton's method from <paramref name="theta"/> (updated in place); returns the inverse information at the optimum.</summary>
    private static double[,] Newton(Table t, int[] months, int[] weekdays, int[] monthParameter, int[] weekdayParameter, double[] theta)
    {
        int p = theta.Length;
        double previous = LogLikelihood(t, months, weekdays, monthParameter, weekdayParameter, theta);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (score, information) = Derivatives(t, months, weekdays, monthParameter, weekdayParameter, theta);
            var inverse = LinearSystem.Inverse(information)
                ?? throw new InvalidOperationException("the Poisson information matrix is singular although the design was checked as connected.");
            var step = new double[p];
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < p; j++)
                {
                    step[i] += inverse[i, j] * score[j];
                }
            }
            // The log-likelihood is concave: a full step rarely overshoots, and halving mends it when it does.
            var trial = new double[p];
            double fraction = 1, value = double.NegativeInfinity;
            for (int halving = 0; halving < 40; halving++, fraction /= 2)
            {
                for (int i = 0; i < p; i++)
                {
                    trial[i] = theta[i] + (fraction * step[i]);
                }
                value = LogLikelihood(t, months, weekdays, monthParameter, weekdayParameter, trial);
                if (value >= previous - (1e-12 * Math.Abs(previous)))
                {
                    break;
                }
            }
            Array.Copy(trial, theta, p);
            previous = value;
            if (step.Max(Math.Abs) * fraction < 1e-10)
            {
                return LinearSystem.Inverse(Derivatives(t, months, weekdays, monthParameter, weekdayParameter, theta).Information)!;
            }
        }
        throw new InvalidOperationException($"the Poisson fit did not converge in {MaxIterations} Newton steps.");
    }

    private static double LogLikelihood(Table t, int[] months, int[] weekdays, int[] monthParameter, int[] weekdayParameter, double[] theta)
    {
        double sum = 0;
        foreach (int m in months)
        {
            foreach (int w in weekdays)
            {
                if (t.DaysIn[m, w] > 0)
                {
                    double eta = Linear(theta, monthParameter[m], weekdayParameter[w]);
                    sum += (t.ArrivalsIn[m, w] * eta) - (t.DaysIn[m, w] * Math.Exp(eta));
                }
            }
        }
        return sum;
    }

    private static (double[] Score, double[,] Information) Derivatives(Table t, int[] months, int[] weekdays, int[] monthParameter, int[] weekdayParameter, double[] theta)
    {
        int p = theta.Length;
        var score = new double[p];
        var information = new double[p, p];
        Span<int> x = stackalloc int[3];
        foreach (int m in months)
        {
            foreach (int w in weekdays)
            {
                if (t.DaysIn[m, w] == 0)
                {
                    continue;
                }
                double mu = t.DaysIn[m, w] * Math.Exp(Linear(theta, monthParameter[m], weekdayParameter[w]));
                double residual = t.ArrivalsIn[m, w] - mu;
                // The cell's design row: c, and its month's and weekday's parameters (if not the reference).
                int n = 0;
                x[n++] = 0;
                if (monthParameter[m] >= 0)
                {
                    x[n++] = monthParameter[m];
                }
                if (weekdayParameter[w] >= 0)
                {
                    x[n++] = weekdayParameter[w];
                }
                for (int a = 0; a < n; a++)
                {
                    score[x[a]] += residual;
                    for (int b = 0; b < n; b++)
                    {
                        information[x[a], x[b]] += mu;
                    }
                }
            }
        }
        return (score, information);
    }

    private static double Linear(double[] theta, int monthParameter, int weekdayParameter) =>
        theta[0] + (monthParameter >= 0 ? theta[monthParameter] : 0) + (weekdayParameter >= 0 ? theta[weekdayParameter] : 0);

    private static double Quadratic(double[,] v, double[] g)
    {
        double sum = 0;
        for (int i = 0; i < g.Length; i++)
        {
            for (int j = 0; j < g.Length; j++)
            {
                sum += g[i] * v[i, j] * g[j];
            }
        }
        return sum;
    }

    /// <summary>The days collapsed to months × weekdays: days recorded and arrivals in each cell.</summary>
    private sealed class Table
    {
        public int[,] DaysIn { get; } = new int[12, 7];
        public long[,] ArrivalsIn { get; } = new long[12, 7];
        public long[] MonthArrivals { get; } = new long[12];
        public long[] WeekdayArrivals { get; } = new long[7];
        public int[] MonthDays { get; } = new int[12];
        public int[] WeekdayDays { get; } = new int[7];
        public int Days { get; private set; }
        public long Total { get; private set; }

        // DayOfWeek has Sunday = 0; the factors start on Monday, as SeasonalRate's do.
        public static (int Month, int Weekday) Cell(DateOnly date) => (date.Month - 1, ((int)date.DayOfWeek + 6) % 7);

        public static Table Of(DateOnly firstDay, IReadOnlyList<int?> counts)
        {
            var t = new Table();
            for (int i = 0; i < counts.Count; i++)
            {
                if (counts[i] is not { } y || y < 0)
                {
                    continue;
                }
                var (m, w) = Cell(firstDay.AddDays(i));
                t.DaysIn[m, w]++;
                t.ArrivalsIn[m, w] += y;
                t.MonthArrivals[m] += y;
                t.WeekdayArrivals[w] += y;
                t.MonthDays[m]++;
                t.WeekdayDays[w]++;
                t.Days++;
                t.Total += y;
            }
            return t;
        }

        /// <summary>
        /// Whether the months and weekdays with arrivals, joined wherever a day was recorded in
        /// both, form one group: otherwise a month's effect and a weekday's cannot be told apart.
        /// </summary>
        public bool Connected()
        {
            var parent = Enumerable.Range(0, 19).ToArray();
            int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
            for (int m = 0; m < 12; m++)
            {
                for (int w = 0; w < 7; w++)
                {
                    if (DaysIn[m, w] > 0 && MonthArrivals[m] > 0 && WeekdayArrivals[w] > 0)
                    {
                        parent[Find(m)] = Find(12 + w);
                    }
                }
            }
            var roots = Enumerable.Range(0, 12).Where(m => MonthArrivals[m] > 0)
                .Concat(Enumerable.Range(0, 7).Where(w => WeekdayArrivals[w] > 0).Select(w => 12 + w))
                .Select(Find).Distinct().Count();
            return roots == 1;
        }
    }
}
