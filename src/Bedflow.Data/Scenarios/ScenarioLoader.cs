using Bedflow.Core.Experiments;
using Bedflow.Core.Model;

namespace Bedflow.Data.Scenarios;

/// <summary>
/// File → YAML tree → baseline and variants (each variant an edited copy of the tree) → networks
/// → the engine's own validation, with every problem placed at its line and column by its model
/// path (<see cref="ModelPlaces"/>, filled in while each tree is read).
/// </summary>
internal static partial class ScenarioLoader
{
    private static readonly string[] VariantKeys = ["description", "set", "add_interventions", "sweep"];

    public static ScenarioLoad Load(string path)
    {
        var problems = new List<ScenarioProblem>();
        var root = YamlFile.Read(path, path, problems);
        return root is null ? new ScenarioLoad(null, problems) : FromTree(root, path, problems);
    }

    public static ScenarioLoad Parse(string yaml, string fileName, bool baselineOnly = false)
    {
        var problems = new List<ScenarioProblem>();
        var root = YamlFile.Parse(yaml, fileName, problems);
        if (baselineOnly && root is YMap map)
        {
            root = map.Without("variants");
        }
        return root is null ? new ScenarioLoad(null, problems) : FromTree(root, fileName, problems);
    }

    private static ScenarioLoad FromTree(YNode tree, string file, List<ScenarioProblem> early)
    {
        var ctx = new ReadContext(file);
        ctx.Problems.AddRange(early); // warnings from reading the file (not UTF-8)
        if (ctx.Map(tree, "", required: true) is not { } root)
        {
            return new ScenarioLoad(null, ctx.Problems);
        }
        int before = ctx.Problems.Count;
        RefuseIdentifiers(ctx, root, "");
        if (ctx.Problems.Count > before)
        {
            // Read no further: every later message could echo the value.
            return new ScenarioLoad(null, ctx.Problems);
        }
        var reader = new ScenarioReader(ctx);
        var baseline = reader.Read(root.Without("variants"));
        if (baseline is not null)
        {
            Check(ctx, reader.Places, baseline, reader.Options!);
            // The baseline only: a variant that closes or bypasses a service does so on purpose.
            foreach (string unreached in baseline.UnreachableServices())
            {
                ctx.Report(new ModelProblem(ModelPath.Service(unreached), "no patient can reach this service: no arrival stream, starting patients or routing lead here.", ProblemSeverity.Warning), reader.Places);
            }
        }
        var variants = new List<ExperimentVariant>();
        if (ctx.Map(root["variants"], "variants") is { } vmap)
        {
            var baselineProblems = ctx.Problems.Select(p => p.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, value) in vmap.Entries)
            {
                variants.AddRange(ReadVariant(ctx, root, key, value, baseline is not null, baselineProblems));
            }
        }
        // Each variant writes files named after it: two names that make one file name would clash.
        foreach (var clash in variants.GroupBy(v => Results.OutputFolder.SafeName(v.Name), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1 || g.Key.Equals("baseline", StringComparison.OrdinalIgnoreCase)))
        {
            var names = clash.Select(v => v.Name).ToList();
            var at = root["variants"] is YMap vm ? vm.Entries.FirstOrDefault(e => names.Any(n => n.StartsWith(e.Key.Value, StringComparison.Ordinal))).Key : null;
            ctx.Error(at, "variants", $"variants {string.Join(", ", names.Select(n => $"'{n}'"))} would write files with the same name ({clash.Key}): rename one.");
        }
        var problems = ctx.Problems.DistinctBy(p => p.ToString()).OrderBy(p => p.IsWarning).ThenBy(p => p.Line).ThenBy(p => p.Column).ToList();
        if (baseline is null || problems.Any(p => !p.IsWarning))
        {
            return new ScenarioLoad(null, problems) { Places = reader.Places };
        }
        var scenario = new Scenario
        {
            Name = reader.Name,
            Description = reader.Description,
            File = file,
            Baseline = baseline,
            Variants = variants,
            Options = reader.Options!,
            SitRep = reader.SitRep,
            Economy = reader.Economy,
            TargetDelayedPatients = reader.Target,
            Decision = reader.Decision,
            Unknown = reader.Unknown,
            Optimise = reader.Optimise,
            Uncertainty = reader.Uncertainty,
            WithParameters = reader.Uncertainty.Count == 0 ? null : draw => WithDrawn(root, file, draw),
        };
        return new ScenarioLoad(scenario, problems) { Places = reader.Places };
    }

    /// <summary>
    /// The baseline and every variant with a replication's drawn parameters put into the file's
    /// tree (as a variant's <c>set</c> would put them, so a variant that sets the same key keeps its
    /// own value) and read again, checks and all.
    /// </summary>
    /// <exception cref="InvalidModelException">The drawn values make the scenario invalid (said with the values and the first problem).</exception>
    private static IReadOnlyList<ExperimentVariant> WithDrawn(YMap root, string file, ParameterDraw draw)
    {
        var ctx = new ReadContext(file);
        var tree = root;
        var mark = new Mark(0, 0);
        foreach (var value in draw.Values)
        {
            YNode node = value.Shares is { } shares
                ? new YMap(mark, [.. shares.Select(s => (new YScalar(mark, s.To, true), (YNode)new YScalar(mark, s.Share.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture), true)))])
                : new YScalar(mark, DrawnText(root, value), true);
            tree = Set(ctx, tree, new YScalar(mark, value.Path, true), node, "uncertainty") ?? tree;
        }
        var load = ctx.Problems.Count == 0 ? FromTree(tree, file, []) : new ScenarioLoad(null, ctx.Problems);
        if (load.Scenario is null)
        {
            string values = string.Join(", ", draw.Values.Select(v => v.Shares is { } sh
                ? $"{v.Path} {{{string.Join(", ", sh.Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x.To}: {x.Share:0.###}")))}}}"
                : $"{v.Path} {DrawnText(root, v)}"));
            var first = load.Problems.FirstOrDefault(p => !p.IsWarning);
            throw new InvalidModelException([new ModelProblem(ModelPath.Root, $"replication {draw.Replication + 1}'s drawn parameters ({values}) make the scenario invalid: {first?.Path}: {first?.Message}")]);
        }
        return load.Scenario.AllVariants;
    }

    // A drawn scalar in the units of the value it replaces (12.5d, 3.2/d, 140).
    private static string DrawnText(YMap root, DrawnValue value)
    {
        YNode? node = root;
        foreach (string key in value.Path.Split('.'))
        {
            node = node is YMap m ? m[key] : null;
        }
        string text = (node as YScalar)?.Value ?? "";
        bool number = double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        string unit = number ? "" : Quantities.Rate(text).Error is null ? "/d" : "d";
        bool whole = number && text.All(char.IsAsciiDigit);
        return (whole ? Math.Round(value.Value).ToString("0", System.Globalization.CultureInfo.InvariantCulture) : value.Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)) + unit;
    }

    private static IEnumerable<ExperimentVariant> ReadVariant(ReadContext ctx, YMap root, YScalar key, YNode value, bool baselineOk, HashSet<string> baselineProblems)
    {
        string path = $"variants.{key.Value}";
        if (key.Value == "baseline")
        {
            ctx.Error(key, path, "'baseline' is the scenario itself; give this variant another name.");
            yield break;
        }
        if (ctx.Map(value, path, required: true) is not { } v)
        {
            yield break;
        }
        ctx.Keys(v, path, VariantKeys);
        string description = ctx.Text(v["description"], $"{path}.description") ?? "";
        var tree = root.Without("variants");
        if (ctx.Map(v["set"], $"{path}.set") is { } set)
        {
            foreach (var (target, newValue) in set.Entries)
            {
                tree = Set(ctx, tree, target, newValue, $"{path}.set") ?? tree;
            }
        }
        if (ctx.Map(v["add_interventions"], $"{path}.add_interventions") is { } added)
        {
            var existing = tree["interventions"] as YMap ?? new YMap(added.Start, []);
            foreach (var (name, body) in added.Entries)
            {
                if (existing[name.Value] is not null)
                {
                    ctx.Error(name, $"{path}.add_interventions.{name.Value}", $"the baseline already has an intervention '{name.Value}': change it with set, or give this one another name.");
                }
                existing = existing.With(name.Value, body, name.Start);
            }
            tree = tree.With("interventions", existing, added.Start);
        }
        var runs = new List<(string Name, YMap Tree)>();
        if (ctx.Map(v["sweep"], $"{path}.sweep") is { } sweep)
        {
            ctx.Keys(sweep, $"{path}.sweep", ["path", "values"], ["path", "values"]);
            if (sweep["path"] is not YScalar || sweep["values"] is not YSeq { Items.Count: > 0 })
            {
                ctx.Error(sweep, $"{path}.sweep", "a sweep needs a path (a dotted key) and a non-empty list of values, such as {path: arrivals.ed.redirect.share, values: [5%, 10%]}.");
            }
            if (sweep["path"] is YScalar target && sweep["values"] is YSeq values && values.Items.Count > 0)
            {
                foreach (var item in values.Items)
                {
                    if (item is not YScalar s)
                    {
                        ctx.Error(item, $"{path}.sweep.values", "sweep values must be single values, not lists or mappings.");
                        continue;
                    }
                    string label = s.Value;
                    runs.Add(($"{key.Value}[{label}]", Set(ctx, tree, target, item, $"{path}.sweep") ?? tree));
                }
            }
            else if (sweep["values"] is not null and not YSeq)
            {
                ctx.Error(sweep["values"], $"{path}.sweep.values", "expected a list of values to try, such as [5%, 10%, 20%].");
            }
        }
        else
        {
            runs.Add((key.Value, tree));
        }
        // The keys this variant changes, so that a problem they cause is said under the variant, not the baseline.
        var targets = new List<VariantChange>();
        foreach (var (t, _) in (v["set"] as YMap)?.Entries ?? [])
        {
            targets.Add(new(t.Value, $"{path}.set.{t.Value}", $"sets {t.Value}", true, t.Start));
        }
        if ((v["sweep"] as YMap)?["path"] is YScalar swept)
        {
            targets.Add(new(swept.Value, $"{path}.sweep", $"sweeps {swept.Value}", false, swept.Start));
        }
        foreach (var (name, _) in (v["add_interventions"] as YMap)?.Entries ?? [])
        {
            targets.Add(new($"interventions.{name.Value}", $"{path}.add_interventions.{name.Value}", $"adds intervention '{name.Value}'", true, name.Start));
        }
        foreach (var (name, edited) in runs)
        {
            int before = ctx.Problems.Count;
            var reader = new ScenarioReader(ctx);
            // The optimise: section is the baseline's search (its switches may name an intervention a variant removes): a variant runs without it.
            var network = reader.Read(edited.Without("optimise"));
            if (network is not null && baselineOk)
            {
                Check(ctx, reader.Places, network, reader.Options!);
            }
            NameVariant(ctx, before, name, targets, baselineProblems);
            if (network is not null && ctx.Problems.Skip(before).All(p => p.IsWarning))
            {
                yield return new ExperimentVariant(name, description, network, reader.Economy);
            }
        }
    }

    /// <summary>Sets (or with null removes) the key at a dotted path, e.g. <c>services.acute.capacity</c>.</summary>
    private static readonly string[] RunKeys = ["start", "warmup", "horizon", "replications", "seed"];

    private static YMap? Set(ReadContext ctx, YMap tree, YScalar target, YNode value, string path)
    {
        string[] keys = target.Value.Split('.');
        if (RunKeys.Contains(keys[0]))
        {
            // Variants are compared day by day on the same random numbers: they share the run.
            ctx.Error(target, $"{path}.{target.Value}", $"'{keys[0]}' is a run setting, the same for every variant so that they can be compared on common random numbers: change it at the top of the file.");
            return null;
        }
        bool remove = value is YScalar { IsNull: true };
        YMap? Walk(YMap map, int i)
        {
            string k = keys[i];
            if (i == keys.Length - 1)
            {
                if (remove && map[k] is null)
                {
                    ctx.Error(target, $"{path}.{target.Value}", $"there is no '{k}' to remove here.{Suggest.DidYouMean(k, map.Entries.Select(e => e.Key.Value))}");
                    return null;
                }
                return remove ? map.Without(k) : map.With(k, value, target.Start);
            }
            if (map[k] is not YMap child)
            {
                ctx.Error(target, $"{path}.{target.Value}", map[k] is null
                    ? $"the baseline has no '{string.Join('.', keys[..(i + 1)])}'.{Suggest.DidYouMean(k, map.Entries.Select(e => e.Key.Value))}"
                    : $"'{string.Join('.', keys[..(i + 1)])}' is a single value, not a mapping with keys below it.");
                return null;
            }
            return Walk(child, i + 1) is { } updated ? map.With(k, updated, target.Start) : null;
        }
        return Walk(tree, 0);
    }

    /// <summary>
    /// The engine's own checks of the network, and its warnings, placed in the file by their model
    /// paths; then, for a valid network, sizing before running (offered load against capacity).
    /// </summary>
    private static void Check(ReadContext ctx, ModelPlaces places, Network network, Core.Simulation.RunOptions options)
    {
        var problems = network.Validate();
        foreach (var p in problems.Concat(network.Warnings(options.WarmupDays)))
        {
            ctx.Report(p, places);
        }
        if (problems.Count == 0)
        {
            foreach (var p in LoadWords.Problems(network, options.HorizonDays))
            {
                ctx.Report(p, places);
            }
        }
    }
}
