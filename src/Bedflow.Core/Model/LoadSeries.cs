namespace Bedflow.Core.Model;

/// <summary>
/// The day-by-day arithmetic behind <see cref="OfferedLoad"/>: external arrivals per day and
/// group, the traffic equations of the epoch in force, and the patients present from a flow
/// that holds its place a known time (a moving window over the cumulative arrivals).
/// </summary>
internal static class LoadSeries
{
    // The longest look back before day 0 for patients still present (a hundred years of days).
    private const int MaxLookBack = 36_525;

    public static OfferedLoad Compute(Network network, double horizonDays)
    {
        int n = network.Services.Count;
        int groups = network.Groups.Count;
        int days = (int)Math.Ceiling(horizonDays);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            index[network.Services[i].Name] = i;
        }

        // Epochs as the engine has them: intervals between the boundaries of routing and stay changes.
        double[] epochStart = [double.NegativeInfinity, .. network.RoutingChanges.SelectMany(c => new[] { c.From, c.To })
            .Concat(network.StayChanges.SelectMany(c => new[] { c.From, c.To })).Distinct().Order()];
        var choice = network.Services.Select(s => MinimumWaits.Choice(s.Choice)).ToArray();
        var window = network.Services.Select(s => MinimumWaits.Window(s.Accepts)).ToArray();
        var balance = epochStart.Select(t => Enumerable.Range(0, groups).Select(g => FlowBalance.For(network, index, g, t, choice, window)).ToArray()).ToArray();
        double longest = balance.SelectMany(e => e).SelectMany(b => b.Stay.Zip(b.Extra, (s, x) => s + x)).DefaultIfEmpty(0).Max();
        int lookBack = (int)Math.Min(MaxLookBack, Math.Ceiling(longest) + 1);
        int span = lookBack + days; // day u of a series is day u − lookBack of the model

        // The streams entering each service, and who enters each service from where: for every
        // epoch and group, (entry, arrivals here per patient a day entering there) and the entries
        // whose patients can reach a closed service.
        var streams = new List<(ArrivalRate Rate, double[] Share, bool Shed)>[n];
        for (int i = 0; i < n; i++)
        {
            streams[i] = [];
        }
        foreach (var a in network.Arrivals)
        {
            int s = index[a.Service.Name];
            bool shed = a.Kind == ArrivalKind.Planned && network.Services[s].QueueLimit is not null;
            streams[s].Add((a.Rate, [.. Enumerable.Range(0, groups).Select(g => Share(a.GroupMix, network.Groups, g))], shed));
        }
        int[] entries = [.. Enumerable.Range(0, n).Where(i => streams[i].Count > 0)];
        var reachedFrom = new List<(int Entry, double Rate)>[balance.Length, groups][];
        var closedFrom = new List<int>[balance.Length, groups][];
        for (int e = 0; e < balance.Length; e++)
        {
            for (int g = 0; g < groups; g++)
            {
                var from = reachedFrom[e, g] = new List<(int, double)>[n];
                var leak = closedFrom[e, g] = new List<int>[n];
                for (int i = 0; i < n; i++)
                {
                    from[i] = [];
                    leak[i] = [];
                }
                foreach (int entry in entries)
                {
                    var (reached, rates, closed) = balance[e][g].Column(entry);
                    for (int k = 0; k < reached.Length; k++)
                    {
                        from[reached[k]].Add((entry, rates[k]));
                    }
                    foreach (int u in closed)
                    {
                        leak[u].Add(entry);
                    }
                }
            }
        }

        // Each entry's external rate by day and group: kept when all of them fit in a few megabytes,
        // else worked out again each time it is needed (a network of thousands of entries), so that
        // sizing allocates nothing per service and day.
        bool keep = (long)entries.Length * groups * span <= 1 << 20;
        double Ext(int entry, int g, int u, bool shedOnly)
        {
            double sum = 0;
            foreach (var (rate, share, mayShed) in streams[entry])
            {
                if (!shedOnly || mayShed)
                {
                    sum += DayRate(rate, u - lookBack) * share[g];
                }
            }
            return sum;
        }
        var kept = new Dictionary<int, double[][]>();
        if (keep)
        {
            foreach (int entry in entries)
            {
                kept[entry] = [.. Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, span).Select(u => Ext(entry, g, u, shedOnly: false)).ToArray())];
            }
        }
        double External(int entry, int g, int u) => keep ? kept[entry][g][u] : Ext(entry, g, u, shedOnly: false);
        // Entries whose every stream is constant: their rate, else NaN.
        var steadyRate = new double[n][];
        foreach (int entry in entries)
        {
            steadyRate[entry] = streams[entry].TrueForAll(st => IsSteady(st.Rate))
                ? [.. Enumerable.Range(0, groups).Select(g => Ext(entry, g, 0, shedOnly: false))]
                : [.. Enumerable.Repeat(double.NaN, groups)];
        }
        // Whether patients of the group enter from there on some reported day (asked only of entries whose patients can reach a closed service).
        bool Enters(int entry, int g)
        {
            for (int u = lookBack; u < span; u++)
            {
                if (External(entry, g, u) > 0)
                {
                    return true;
                }
            }
            return false;
        }
        var epochOf = new int[span];
        for (int u = 0, e = 0; u < span; u++)
        {
            while (e + 1 < epochStart.Length && u - lookBack >= epochStart[e + 1])
            {
                e++;
            }
            epochOf[u] = e;
        }

        int[] reported = [.. epochOf.Skip(lookBack).Distinct()];

        var services = new List<ServiceLoad>(n);
        // Buffers used for one service at a time: a network of thousands of services over decades allocates them once.
        var load = new double[days];
        var shedLoad = new double[days];
        var capacity = new double[days];
        var lambda = new double[span];
        var asPlace = new double[span];
        var planned = new double[span];
        for (int i = 0; i < n; i++)
        {
            var s = network.Services[i];
            double units = s.Demand?.Mean ?? 1;
            bool resource = s.Role == ServiceRole.Resource;
            Array.Clear(load);
            Array.Clear(shedLoad);
            var unbounded = new List<string>();
            double arrivals = 0;
            bool entered = streams[i].Count > 0;
            bool shed = streams[i].Exists(st => st.Shed);
            for (int g = 0; g < groups; g++)
            {
                bool grows = reported.Any(e => closedFrom[e, g][i].Exists(entry => Enters(entry, g)));
                if (grows)
                {
                    unbounded.Add(network.Groups[g]);
                }
                if (balance.Length == 1 && !shed && (!resource || !entered) && reachedFrom[0, g][i].TrueForAll(x => !double.IsNaN(steadyRate[x.Entry][g])))
                {
                    // Constant streams through unchanging tables (a network of thousands of services): λ × held, every day, without a daily series.
                    var b = balance[0][g];
                    double steadyLambda = reachedFrom[0, g][i].Sum(x => x.Rate * steadyRate[x.Entry][g]);
                    double steady = units * steadyLambda * (resource ? b.Stay[i] : b.Stay[i] + b.Extra[i]);
                    for (int d = 0; d < days; d++)
                    {
                        load[d] += steady;
                    }
                    arrivals += steadyLambda * days;
                    continue;
                }
                for (int u = 0; u < span; u++)
                {
                    var b = balance[epochOf[u]][g];
                    double l = 0;
                    foreach (var (entry, rate) in reachedFrom[epochOf[u], g][i])
                    {
                        l += rate * External(entry, g, u);
                    }
                    lambda[u] = l;
                    // A patient from outside takes a resource as its place; sent back there, it starts again at once.
                    asPlace[u] = resource && entered && b.SelfRoute(i) < 1 ? External(i, g, u) / (1 - b.SelfRoute(i)) : 0;
                    planned[u] = shed ? Ext(i, g, u, shedOnly: true) : 0;
                    if (u >= lookBack)
                    {
                        arrivals += l;
                    }
                }
                if (balance.Length == 1 && !shed && (!resource || !entered) && IsConstant(lambda))
                {
                    // A steady flow through unchanging tables (the common case, and a network of thousands of services): λ × held, every day.
                    var b = balance[0][g];
                    double steady = units * lambda[0] * (resource ? b.Stay[i] : b.Stay[i] + b.Extra[i]);
                    for (int d = 0; d < days; d++)
                    {
                        load[d] += steady;
                    }
                    continue;
                }
                var lambdaSum = new CumulativeArrivals(lambda);
                var placeSum = resource && entered ? new CumulativeArrivals(asPlace) : null;
                var plannedSum = shed ? new CumulativeArrivals(planned) : null;
                for (int d = 0; d < days; d++)
                {
                    int u = d + lookBack;
                    var b = balance[epochOf[u]][g];
                    double stay = b.Stay[i];
                    double held = stay + b.Extra[i];
                    // A resource used from a bed is held for its stay; taken as a place, for the stay and the way out as well.
                    load[d] += units * (resource
                        ? lambdaSum.Present(u, stay) + (placeSum is null ? 0 : placeSum.Present(u, held) - placeSum.Present(u, stay))
                        : lambdaSum.Present(u, held));
                    shedLoad[d] += plannedSum is null ? 0 : units * plannedSum.Present(u, held);
                }
            }
            services.Add(Summarise(network, s, load, shedLoad, capacity, unbounded) with { ArrivalsPerDay = arrivals / days });
        }
        return new OfferedLoad(services);
    }

    /// <summary>The mean over the report and the busiest calendar month, from the daily loads.</summary>
    private static ServiceLoad Summarise(Network network, ServiceDefinition s, double[] load, double[] shed, double[] capacity, List<string> unboundedGroups)
    {
        int days = load.Length;
        bool unlimited = s.Capacity.IsEverUnlimited;
        // Capacity in force at midday: a change applies from its day on.
        for (int d = 0; d < days; d++)
        {
            capacity[d] = unlimited ? 0 : s.Capacity.At(d + 0.5).Places;
        }
        LoadFigure Figure(int from, int to) => new(network.StartDate.AddDays(from), network.StartDate.AddDays(to - 1),
            Mean(load, from, to), Mean(shed, from, to), unlimited ? null : Mean(capacity, from, to));
        LoadFigure? busiest = null;
        for (int from = 0; from < days && !unlimited;)
        {
            var date = network.StartDate.AddDays(from);
            int to = Math.Min(days, from + (DateTime.DaysInMonth(date.Year, date.Month) - date.Day + 1));
            var month = Figure(from, to);
            if (month.Ratio is { } r && (busiest?.Ratio is not { } best || r > best))
            {
                busiest = month;
            }
            from = to;
        }
        return new ServiceLoad { Service = s.Name, ArrivalsPerDay = 0, Mean = Figure(0, days), BusiestMonth = busiest, UnboundedGroups = unboundedGroups };
    }

    /// <summary>Whether a rate is the same every day: constant, or seasonal without changes or factors other than 1.</summary>
    private static bool IsSteady(ArrivalRate rate) => rate switch
    {
        ConstantRate => true,
        SeasonalRate s => s.BaseRateChanges.Count == 0 && s.MonthFactors.All(f => f == 1) && s.WeekdayFactors.All(f => f == 1),
        _ => false,
    };

    private static bool IsConstant(double[] values)
    {
        foreach (double v in values)
        {
            if (v != values[0])
            {
                return false;
            }
        }
        return true;
    }

    private static double Mean(double[] values, int from, int to)
    {
        double sum = 0;
        for (int d = from; d < to; d++)
        {
            sum += values[d];
        }
        return sum / (to - from);
    }

    /// <summary>
    /// A stream's mean rate over day <paramref name="day"/> (from its start to the next midnight):
    /// exact for a constant or seasonal rate (constant within a day), the script's count for a
    /// script, else the mean of 24 hourly midpoints.
    /// </summary>
    private static double DayRate(ArrivalRate rate, double day)
    {
        switch (rate)
        {
            case ConstantRate or SeasonalRate:
                return rate.At(day + 0.5);
            case ScriptedArrivals script:
                int count = 0;
                foreach (double t in script.Times)
                {
                    if (t >= day && t < day + 1)
                    {
                        count++;
                    }
                }
                return count;
            default:
                double sum = 0;
                for (int h = 0; h < 24; h++)
                {
                    sum += rate.At(day + ((h + 0.5) / 24));
                }
                return sum / 24;
        }
    }

    /// <summary>The share of group g in a stream's mix (empty = all in the first group), as the engine normalises it.</summary>
    private static double Share(IReadOnlyDictionary<string, double> mix, IReadOnlyList<string> groups, int g)
    {
        if (mix.Count == 0)
        {
            return g == 0 ? 1 : 0;
        }
        double total = mix.Values.Sum();
        return total > 0 ? mix.GetValueOrDefault(groups[g]) / total : 0;
    }
}
