using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Bedflow.Core.Tests.Support;

/// <summary>
/// Reads an assembly's IL (Mono.Cecil) and lists every place a type uses a type of the same
/// assembly that sits in a later layer: in its base type and interfaces, fields, properties,
/// events, method signatures, generic constraints, attributes, local variables and every
/// instruction of every method body (so a <c>new</c> or a static call hidden in a method counts,
/// and so do the closures and state machines the compiler makes, as part of the type they come from).
/// </summary>
internal static class LayerCheck
{
    /// <summary>Core's layers, lowest first: a namespace may use its own layer and those before it.</summary>
    public static readonly string[][] Layers =
    [
        ["Bedflow.Core", "Bedflow.Core.Units"],
        ["Bedflow.Core.Vocabulary"],
        ["Bedflow.Core.Randomness"],
        ["Bedflow.Core.Distributions"],
        ["Bedflow.Core.Model"],
        ["Bedflow.Core.Simulation"],   // the engine
        ["Bedflow.Core.Statistics"],
        ["Bedflow.Core.Statistics.Fitting"], // lengths of stay fitted to the register (uses the distributions, not the engine)
        ["Bedflow.Core.Delays"],
        ["Bedflow.Core.Finance"],
        ["Bedflow.Core.Experiments"],
        ["Bedflow.Core.Calibration"],  // fitting the model to a county's data: registers, published months
        ["Bedflow.Core.Forecasting"],  // from today's register: a census of the beds, run forward; its back-test
        ["Bedflow.Core.Decisions"],    // appraisal: which options are acceptable, dominated, recommended
        ["Bedflow.Core.Optimisation"], // budget-constrained search: levers, greedy marginal analysis, ranking and selection
        ["Bedflow.Core.Examples"],     // built-in examples may use anything; nothing uses them
    ];

    /// <summary>The layer of a namespace, or −1 when it has none.</summary>
    public static int LayerOf(string ns) => Array.FindIndex(Layers, l => l.Contains(ns, StringComparer.Ordinal));

    /// <summary>Namespaces of the assembly's own types that have no layer.</summary>
    public static IReadOnlyList<string> Unlayered(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return [.. module.GetTypes().Select(t => Outermost(t).Namespace).Where(ns => ns.Length > 0 && LayerOf(ns) < 0).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>"A.Type uses B.Other (where)" for every use of a later layer, sorted.</summary>
    public static IReadOnlyList<string> Violations(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            int layer = LayerOf(owner.Namespace);
            if (owner.Namespace.Length == 0 || layer < 0)
            {
                continue; // <Module> and compiler-embedded attributes; unlayered namespaces are a failure of their own
            }
            void Use(TypeReference? used, string where)
            {
                foreach (var t in Flatten(used))
                {
                    // Only the assembly's own types have layers (other assemblies are never resolved).
                    if (t.Scope is ModuleDefinition scope && scope == module && (t as TypeDefinition ?? t.Resolve()) is { } def
                        && Outermost(def) is var target && target.Namespace.Length > 0 && LayerOf(target.Namespace) > layer)
                    {
                        found.Add($"{owner.FullName} uses {target.FullName} ({where})");
                    }
                }
            }
            Use(type.BaseType, "base type");
            foreach (var i in type.Interfaces)
            {
                Use(i.InterfaceType, "interface");
            }
            Attributes(type, Use);
            foreach (var g in type.GenericParameters.SelectMany(p => p.Constraints))
            {
                Use(g.ConstraintType, "constraint");
            }
            foreach (var f in type.Fields)
            {
                Use(f.FieldType, $"field {f.Name}");
                Attributes(f, Use);
            }
            foreach (var p in type.Properties)
            {
                Use(p.PropertyType, $"property {p.Name}");
                Attributes(p, Use);
            }
            foreach (var e in type.Events)
            {
                Use(e.EventType, $"event {e.Name}");
            }
            foreach (var m in type.Methods)
            {
                string where = $"method {m.Name}";
                Use(m.ReturnType, where);
                foreach (var p in m.Parameters)
                {
                    Use(p.ParameterType, where);
                }
                Attributes(m, Use);
                if (!m.HasBody)
                {
                    continue;
                }
                foreach (var v in m.Body.Variables)
                {
                    Use(v.VariableType, $"{where}, a local");
                }
                foreach (var ins in m.Body.Instructions)
                {
                    switch (ins.Operand)
                    {
                        case TypeReference t:
                            Use(t, $"{where}, {ins.OpCode}");
                            break;
                        case MethodReference mr:
                            Use(mr.DeclaringType, $"{where}, {ins.OpCode} {mr.Name}");
                            Use(mr.ReturnType, $"{where}, {ins.OpCode} {mr.Name}");
                            foreach (var p in mr.Parameters)
                            {
                                Use(p.ParameterType, $"{where}, {ins.OpCode} {mr.Name}");
                            }
                            if (mr is GenericInstanceMethod gm)
                            {
                                foreach (var a in gm.GenericArguments)
                                {
                                    Use(a, $"{where}, {ins.OpCode} {mr.Name}");
                                }
                            }
                            break;
                        case FieldReference fr:
                            Use(fr.DeclaringType, $"{where}, {ins.OpCode} {fr.Name}");
                            Use(fr.FieldType, $"{where}, {ins.OpCode} {fr.Name}");
                            break;
                        case CallSite cs:
                            Use(cs.ReturnType, $"{where}, calli");
                            break;
                    }
                }
            }
        }
        return [.. found];
    }

    private static void Attributes(ICustomAttributeProvider provider, Action<TypeReference?, string> use)
    {
        foreach (var a in provider.CustomAttributes)
        {
            use(a.AttributeType, "attribute");
            foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)).Concat(a.Fields.Select(f => f.Argument)))
            {
                use(arg.Type, "attribute argument");
                if (arg.Value is TypeReference t)
                {
                    use(t, "attribute argument");
                }
            }
        }
    }

    // A compiler-made closure or state machine belongs to the type it was written in.
    private static TypeDefinition Outermost(TypeDefinition t)
    {
        while (t.DeclaringType is { } outer)
        {
            t = outer;
        }
        return t;
    }

    // The named types inside an array, pointer, by-ref, modifier or generic instance.
    private static IEnumerable<TypeReference> Flatten(TypeReference? t)
    {
        switch (t)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType g:
                foreach (var x in Flatten(g.ElementType))
                {
                    yield return x;
                }
                foreach (var a in g.GenericArguments)
                {
                    foreach (var x in Flatten(a))
                    {
                        yield return x;
                    }
                }
                break;
            case TypeSpecification s:
                foreach (var x in Flatten(s.ElementType))
                {
                    yield return x;
                }
                break;
            default:
                yield return t;
                break;
        }
    }
}
