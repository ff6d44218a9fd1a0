using Bedflow.Core.Experiments;
using Bedflow.Core.Model;
using Bedflow.Core.Simulation;
using Bedflow.Core.Statistics;
using Bedflow.Core.Units;

namespace Bedflow.Core.Optimisation;

/// <summary>
/// The budget-constrained search of a scenario's <c>optimise:</c> section (docs/optimise.md), treating
/// the simulation as noisy: every candidate runs on common random numbers; a greedy marginal
/// analysis from the start (every lever at its least) adds, one step at a time, the step that avoids
/// most delayed days per pound, re-evaluating every lever's marginal value at each new allocation;
/// within each budget a local search (add a step, swap one for another, trade one step for two)
/// improves the greedy point on the first-stage means; then Kim and Nelson's sequential ranking and
/// selection (<see cref="KimNelson"/>) among the best few allocations of that budget adds
/// replications until the best is told apart or the replication limit is reached, when the ones left
/// are reported as indistinguishable. Candidates that are unstable or make a harm significantly worse
/// than the start beyond its tolerance (the scenario's <c>decision:</c> rules) are never chosen.
/// Deterministic: the search is sequential, and the engine gives the same numbers whatever the thread count.
/// </summary>
public static class Optimiser
{
    /// <summary>
    /// The network a search simulates for allocation <paramref name="a"/> of <paramref name="levers"/>
    /// on <paramref name="baseline"/>: each capacity lever's amount added to every point of its
    /// service's schedule (never below 0), each switch's intervention on or off.
    /// </summary>
    public static Network NetworkFor(Network baseline, IReadOnlyList<Lever> levers, Allocation a) => Evaluator.ApplyTo(baseline, levers, a);

    /// <summary>
    /// For budgets in rising order, each budget's own choice's mean (lower is better, all on the
    /// same replications): which choice each budget keeps — its own, unless an earlier (smaller,
    /// so affordable) budget's kept choice does at least as well, when it keeps that one. The kept
    /// means never rise with the budget.
    /// </summary>
    internal static int[] NeverWorse(IReadOnlyList<double> means)
    {
        ArgumentNullException.ThrowIfNull(means);
        var kept = new int[means.Count];
        for (int i = 0; i < means.Count; i++)
        {
            kept[i] = i > 0 && means[kept[i - 1]] <= means[i] ? kept[i - 1] : i;
        }
        return kept;
    }

    /// <summary>How many of a budget's best allocations (by first-stage mean) go to the final ranking and selection.</summary>
    public const int Finalists = 5;

    /// <summary>Runs the scenario's <c>optimise:</c> section.</summary>
    /// <exception cref="ArgumentException">The scenario has no <c>optimise:</c> section.</exception>
    /// <exception cref="InvalidModelException">The starting allocation makes the network invalid.</exception>
    /// <param name="scenario">The scenario, with an <c>optimise:</c> section.</param>
    /// <param name="threads">Threads (null = all cores); never changes the answer.</param>
    /// <param name="progress">Told after every candidate simulated.</param>
    /// <param name="known">Records of allocations simulated before with this scenario (a state file's): used instead of simulating them again, so the same search resumes where it stopped and gives the same answer.</param>
    /// <param name="recorded">Told of every record simulated (to save it).</param>
    public static OptimiseResult Run(Scenario scenario, int? threads = null, Action<OptimiseProgress>? progress = null,
        IEnumerable<CandidateRecord>? known = null, Action<CandidateRecord>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var spec = scenario.Optimise ?? throw new ArgumentException("the scenario has no optimise: section.", nameof(scenario));
        return Run(scenario.Baseline, scenario.Options with { MaxDegreeOfParallelism = threads }, spec, scenario.Economy, scenario.Decision, progress, known, recorded);
    }

    /// <summary>Runs a search on <paramref name="baseline"/> with these options (seed, warm-up, horizon; replications from the spec when it gives them).</summary>
    public static OptimiseResult Run(Network baseline, RunOptions options, OptimiseSpec spec, Finance.Economy? economy, DecisionRules rules, Action<OptimiseProgress>? progress = null,
        IEnumerable<CandidateRecord>? known = null, Action<CandidateRecord>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rules);
        var memory = new Dictionary<Allocation, CandidateRecord>();
        foreach (var record in known ?? [])
        {
            // A record that does not fit these levers is not used (the caller checks a state file belongs to this scenario).
            if (record.Problems(spec.Levers.Count).Count == 0 && (!memory.TryGetValue(record.Allocation, out var had) || had.Replications < record.Replications))
            {
                memory[record.Allocation] = record;
            }
        }
        return new Search(baseline, options, spec, economy, rules, progress, memory, recorded).Run();
    }

    private sealed class Search
    {
        private readonly OptimiseSpec _spec;
        private readonly DecisionRules _rules;
        private readonly Evaluator _eval;
        private readonly int _n0;
        private readonly int _max;
        private readonly Network _baseline;
        private CandidateRun _start = null!;

        public Search(Network baseline, RunOptions options, OptimiseSpec spec, Finance.Economy? economy, DecisionRules rules, Action<OptimiseProgress>? progress,
            IReadOnlyDictionary<Allocation, CandidateRecord> known, Action<CandidateRecord>? recorded)
        {
            _spec = spec;
            _rules = rules;
            _baseline = baseline;
            _n0 = spec.Replications ?? options.Replications;
            Preconditions.InRange(_n0, 2, int.MaxValue, "replications");
            _max = Math.Max(_n0, spec.MaxReplications ?? 4 * _n0);
            _eval = new Evaluator(baseline, options, spec, economy, progress, known, recorded);
        }

        private IReadOnlyList<Lever> Levers => _spec.Levers;

        public OptimiseResult Run()
        {
            var start = new Allocation(Levers.Select(l => l.Min));
            _eval.NetworkFor(start).EnsureValid();
            _start = _eval.Run(start, _n0)!;
            _eval.BestSoFar = _start;
            _eval.Phase = OptimisePhase.Greedy;
            var path = Greedy(start);
            var choices = new List<Choice>();
            foreach (var budget in _spec.Budgets)
            {
                var seed = path.Last(a => _eval.Affordable(a, budget));
                _eval.Phase = OptimisePhase.LocalSearch;
                Climb(seed, budget, _spec.Goal);
                _eval.Phase = OptimisePhase.Selection;
                // The smaller budget's choice is affordable here too: it is always a finalist, so more money never reports worse.
                choices.Add(Choose(budget, _spec.Goal, choices.Count > 0 ? [choices[^1].Best] : []));
            }
            Choice? cheapestInAll = null;
            if (_spec.DelayedDayPrice is not null)
            {
                var top = _spec.Budgets[^1];
                var seed = path.OrderBy(a => _eval.Run(a, _n0)!.Mean(OptimiseGoal.TotalCost, _n0)).First();
                _eval.Phase = OptimisePhase.EconomicallyEssential;
                Climb(seed, top, OptimiseGoal.TotalCost);
                cheapestInAll = Choose(top, OptimiseGoal.TotalCost, [.. choices.Select(c => c.Best)]);
            }
            // Every point's figures on the same replications — as many as the most any selection used, and
            // fresh: after every replication a choice was made on, so the choosing does not flatter them —
            // paired with the start's on the same ones.
            int common = choices.Append(cheapestInAll).OfType<Choice>().Max(c => c.Replications);
            int fresh = _eval.MostReplications;
            _eval.Phase = OptimisePhase.Reporting;
            _eval.CandidatesLeft = null;
            CandidateRun Figures(Allocation a) => _eval.Fresh(a, fresh, common);
            // More money that does not do better on the same replications buys the smaller budget's choice.
            var kept = NeverWorse([.. choices.Select(c => Figures(c.Best).Mean(_spec.Goal, common))]);
            var chosen = choices.Select(c => c.Best).ToList();
            for (int i = 1; i < choices.Count; i++)
            {
                if (kept[i] != i)
                {
                    // Its own choice did no better: it is alike, not told apart, and the figures' replications are the common ones.
                    var carried = chosen[kept[i]];
                    choices[i] = choices[i] with
                    {
                        Best = carried,
                        Indistinguishable = [.. choices[i].Indistinguishable.Append(chosen[i]).Where(a => a != carried).Distinct()],
                        RunnerUp = choices[kept[i]].RunnerUp,
                        Replications = common,
                        Carried = true,
                    };
                }
            }
            if (cheapestInAll is not null)
            {
                // The least total cost within the largest budget is no more than any frontier point's, on the same replications.
                var least = choices.Select(c => c.Best).Append(cheapestInAll.Best).OrderBy(a => Figures(a).Mean(OptimiseGoal.TotalCost, common)).ThenBy(_eval.Spend).First();
                if (least != cheapestInAll.Best)
                {
                    cheapestInAll = cheapestInAll with
                    {
                        Best = least,
                        Indistinguishable = [.. cheapestInAll.Indistinguishable.Append(cheapestInAll.Best).Where(a => a != least).Distinct()],
                        RunnerUp = null,
                        Replications = common,
                        Carried = true,
                    };
                }
            }
            var startFigures = Figures(start);
            var frontier = choices.Select(c => Point(c, Figures(c.Best), startFigures, common, fresh)).ToList();
            var essential = cheapestInAll is null ? null : Point(cheapestInAll, Figures(cheapestInAll.Best), startFigures, common, fresh);
            _eval.CandidatesLeft = 0;
            return new OptimiseResult
            {
                Levers = Levers,
                Goal = _spec.Goal,
                Start = start,
                StartDelayedDays = startFigures.DelayedDaysEstimate(common),
                Frontier = frontier,
                Marginal = Marginal(start),
                EconomicallyEssential = essential,
                Indifference = Indifference(_spec.Goal),
                Confidence = _spec.Confidence,
                FirstStage = _n0,
                Candidates = _eval.Candidates,
                ReplicationsSimulated = _eval.ReplicationsSimulated,
                ReplicationsReused = _eval.ReplicationsReused,
                ReplicationsForFigures = _eval.ReplicationsForFigures,
            };
        }

        // Allocations closer than this (in the goal's units a year) are alike.
        private double Indifference(OptimiseGoal goal) =>
            goal == _spec.Goal && _spec.Indifference is { } d ? d : Math.Max(1, 0.02 * Math.Abs(_start.Mean(goal, _n0)));

        /// <summary>Greedy marginal analysis: from the start, the step with most delayed days avoided per pound, re-evaluated at each new allocation, within the largest budget.</summary>
        private List<Allocation> Greedy(Allocation start)
        {
            var path = new List<Allocation> { start };
            var x = start;
            var top = _spec.Budgets[^1];
            var cheapest = Levers.Min(l => l.StepCost);
            while (true)
            {
                var cx = _eval.Run(x, _n0)!;
                // At most this many more steps fit the largest budget, each trying every lever once.
                double affordable = cheapest <= Money.Zero ? double.PositiveInfinity : Math.Floor((double)((top - _eval.Spend(x)).Pounds / cheapest.Pounds));
                double room = Levers.Select((l, j) => (double)((l.Max - x[j]) / l.Step)).Sum();
                _eval.CandidatesLeft = (int)Math.Min(int.MaxValue, Levers.Count * Math.Min(affordable, room));
                int best = -1;
                double bestScore = 0;
                for (int j = 0; j < Levers.Count; j++)
                {
                    var y = x.Plus(j, Levers[j].Step);
                    if (!_eval.InBounds(y) || !_eval.Affordable(y, top) || Feasible(y) is not { } cy)
                    {
                        continue;
                    }
                    double score = (cx.Mean(OptimiseGoal.DelayedDays, _n0) - cy.Mean(OptimiseGoal.DelayedDays, _n0)) / (double)Levers[j].StepCost.Pounds;
                    if (score > bestScore)
                    {
                        (best, bestScore) = (j, score);
                    }
                }
                if (best < 0)
                {
                    return path;
                }
                x = x.Plus(best, Levers[best].Step);
                path.Add(x);
                _eval.BestSoFar = _eval.Run(x, _n0);
            }
        }

        /// <summary>Local search within <paramref name="budget"/> on the first-stage means: the best neighbour while it improves.</summary>
        private void Climb(Allocation seed, Money budget, OptimiseGoal goal)
        {
            var x = seed;
            for (int iteration = 0; iteration < 1000; iteration++)
            {
                double fx = _eval.Run(x, _n0)!.Mean(goal, _n0);
                Allocation? best = null;
                _eval.BestSoFar = _eval.Run(x, _n0);
                _eval.CandidatesLeft = null;
                foreach (var y in Neighbours(x, goal))
                {
                    if (!_eval.InBounds(y) || !_eval.Affordable(y, budget) || Feasible(y) is not { } cy)
                    {
                        continue;
                    }
                    double fy = cy.Mean(goal, _n0);
                    if (fy < fx)
                    {
                        (best, fx) = (y, fy);
                    }
                }
                if (best is null)
                {
                    return;
                }
                x = best;
            }
        }

        private IEnumerable<Allocation> Neighbours(Allocation x, OptimiseGoal goal)
        {
            int k = Levers.Count;
            for (int j = 0; j < k; j++)
            {
                yield return x.Plus(j, Levers[j].Step);
            }
            if (goal == OptimiseGoal.TotalCost)
            {
                // Spending less can cost less in all.
                for (int j = 0; j < k; j++)
                {
                    yield return x.Plus(j, -Levers[j].Step);
                }
            }
            for (int i = 0; i < k; i++)
            {
                var less = x.Plus(i, -Levers[i].Step);
                for (int j = 0; j < k; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }
                    var swapped = less.Plus(j, Levers[j].Step);
                    yield return swapped;
                    for (int m = j; m < k; m++)
                    {
                        if (m != i)
                        {
                            yield return swapped.Plus(m, Levers[m].Step);
                        }
                    }
                }
            }
        }

        /// <summary>The allocation simulated (first stage) when valid and acceptable; else null.</summary>
        private CandidateRun? Feasible(Allocation a) => _eval.Run(a, _n0) is { } c && Acceptable(c) ? c : null;

        /// <summary>Stable, and no harm significantly worse than the start beyond its tolerance unless the rules allow it.</summary>
        private bool Acceptable(CandidateRun c)
        {
            if (c.Allocation == _start.Allocation)
            {
                return true;
            }
            if (c.UnstableIn(_n0))
            {
                return false;
            }
            foreach (var (measure, d) in HarmDifferences(c, _eval.Run(_start.Allocation, _n0)!, _n0))
            {
                if (!_rules.Allowed.Contains(measure) && WorseBeyondTolerance(measure, d, _start.HarmMean(measure, _n0)))
                {
                    return false;
                }
            }
            return true;
        }

        // Significantly worse than the start (the paired interval clear of 0) by more than the rules' tolerance.
        private bool WorseBeyondTolerance(HarmMeasure measure, Estimate d, double startMean)
        {
            double tolerance = _rules.ToleranceFor(measure, startMean);
            return Harms.WorseWhen(measure) == Worse.Higher ? d.Lower > tolerance : d.Upper < -tolerance;
        }

        private static Dictionary<HarmMeasure, Estimate> HarmDifferences(CandidateRun c, CandidateRun start, int n)
        {
            var result = new Dictionary<HarmMeasure, Estimate>();
            foreach (var measure in Enum.GetValues<HarmMeasure>())
            {
                var d = Enumerable.Range(0, n).Select(i => c.Harm(measure, i) - start.Harm(measure, i)).ToArray();
                if (d.All(double.IsFinite))
                {
                    result[measure] = Estimate.Of(d.AsSpan());
                }
            }
            return result;
        }

        /// <summary>What a budget's ranking and selection chose: the allocation, those not told apart from it, the last told apart (worse), the replications it used.</summary>
        private sealed record Choice(Money Budget, Allocation Best, IReadOnlyList<Allocation> Indistinguishable, Allocation? RunnerUp, int Replications)
        {
            /// <summary>Whether the choice is another budget's, kept because this budget's own did no better.</summary>
            public bool Carried { get; init; }
        }

        /// <summary>
        /// Ranking and selection among the budget's best few acceptable allocations (and
        /// <paramref name="also"/>, when affordable and acceptable): the one with the least mean at the
        /// end, with those it could not be told apart from (a cheaper one among them is as good as far
        /// as the replications can tell: the pages say so).
        /// </summary>
        private Choice Choose(Money budget, OptimiseGoal goal, IReadOnlyList<Allocation> also)
        {
            // Ties (allocations alike under common random numbers) go to the cheaper: it comes first.
            var finalists = _eval.All.Where(c => _eval.Affordable(c.Allocation, budget) && Acceptable(c))
                .OrderBy(c => c.Mean(goal, _n0)).ThenBy(c => c.Spend).ThenBy(c => _eval.OrderOf(c.Allocation))
                .Take(Finalists).Select(c => c.Allocation).ToList();
            foreach (var a in also)
            {
                if (!finalists.Contains(a) && _eval.Affordable(a, budget) && _eval.Run(a, _n0) is { } c && Acceptable(c))
                {
                    finalists.Add(a);
                }
            }
            var outcome = KimNelson.Select(finalists.Count, (i, r) =>
            {
                var c = _eval.Run(finalists[i], r)!;
                return [.. Enumerable.Range(0, r).Select(k => c.Objective(goal, k))];
            }, _n0, _max, Indifference(goal), _spec.Confidence);
            int n = outcome.Replications;
            var best = finalists[outcome.Best];
            var bestRun = _eval.Run(best, n)!;
            // Left at the replication limit is not the same as alike: one still in the running is called
            // indistinguishable only if its paired difference from the best could be within δ (a Bonferroni
            // interval over those left); one clearly worse by more than δ is told apart, by its interval.
            var left = outcome.Indistinguishable.Select(i => finalists[i]).ToList();
            double level = 1 - ((1 - 0.95) / Math.Max(1, left.Count));
            var alike = new List<Allocation>();
            var worse = new List<(Allocation A, double Mean)>();
            foreach (var a in left)
            {
                var run = _eval.Run(a, n)!;
                var d = Estimate.Of(Enumerable.Range(0, n).Select(k => run.Objective(goal, k) - bestRun.Objective(goal, k)), level);
                if (d.Lower is { } lo && lo > Indifference(goal))
                {
                    worse.Add((a, d.Mean));
                }
                else
                {
                    alike.Add(a);
                }
            }
            var runnerUp = worse.Count > 0 ? worse.OrderBy(w => w.Mean).First().A : outcome.RunnerUp is { } r ? finalists[r] : null;
            return new Choice(budget, best, alike, runnerUp, n);
        }

        /// <summary>A choice's figures on <paramref name="n"/> fresh replications from <paramref name="first"/> on, paired with the start's on the same ones.</summary>
        private FrontierPoint Point(Choice choice, CandidateRun run, CandidateRun start, int n, int first)
        {
            var best = choice.Best;
            var avoided = Estimate.Of(Enumerable.Range(0, n).Select(i => start.DelayedDays(i) - run.DelayedDays(i)));
            var acute = Estimate.Of(Enumerable.Range(0, n).Select(i => start.AcuteDelayedDays(i) - run.AcuteDelayedDays(i)));
            var harms = HarmDifferences(run, start, n);
            return new FrontierPoint(choice.Budget, best, run.Spend, run.DelayedDaysEstimate(n), avoided, run.TotalCostEstimate(n),
                choice.Indistinguishable, choice.RunnerUp, choice.Replications, Marginal(best), harms)
            {
                AcuteBedDaysFreed = acute,
                FiguresReplications = n,
                FiguresFirstReplication = first,
                KeptFromSmallerBudget = choice.Carried,
                HarmsWorseOnFigures = [.. harms.Where(h => !_rules.Allowed.Contains(h.Key) && WorseBeyondTolerance(h.Key, h.Value, start.HarmMean(h.Key, n))).Select(h => h.Key)],
                SpendByFunder = Enum.GetValues<Vocabulary.Commissioner>().Select(f => (f, Spend: _eval.SpendBy(best, f))).Where(x => x.Spend > Money.Zero).ToDictionary(x => x.f, x => x.Spend),
            };
        }

        /// <summary>Each lever's next step at <paramref name="at"/>: delayed days a year avoided per £1,000 a year (paired, first stage).</summary>
        private List<MarginalValue> Marginal(Allocation at)
        {
            var here = _eval.Run(at, _n0)!;
            var values = new List<MarginalValue>();
            for (int j = 0; j < Levers.Count; j++)
            {
                var y = at.Plus(j, Levers[j].Step);
                if (!_eval.InBounds(y) || _eval.Run(y, _n0) is not { } next)
                {
                    values.Add(new MarginalValue(Levers[j].Name, null) { From = at[j] });
                    continue;
                }
                double thousands = (double)Levers[j].StepCost.Pounds / 1000;
                values.Add(new MarginalValue(Levers[j].Name, Estimate.Of(Enumerable.Range(0, _n0).Select(i => (here.DelayedDays(i) - next.DelayedDays(i)) / thousands)))
                {
                    AcuteBedDaysFreedPer1000Pounds = Estimate.Of(Enumerable.Range(0, _n0).Select(i => (here.AcuteDelayedDays(i) - next.AcuteDelayedDays(i)) / thousands)),
                    From = at[j],
                });
            }
            return values;
        }
    }
}
