using System.Reflection;
using Bedflow.Core.Model;

namespace Bedflow.Core.Tests.Model;

/// <summary>
/// Model sits below the engine (design.md: Units &lt;- Model &lt;- Engine &lt;- …): no type of
/// Bedflow.Core.Model, public or not, mentions a type of the engine in what it declares.
/// </summary>
public class ModelLayeringTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_model_type_mentions_a_simulation_type_in_its_members()
    {
        var modelTypes = typeof(Network).Assembly.GetTypes().Where(t => t.Namespace == "Bedflow.Core.Model").ToList();
        Assert.Contains(typeof(NetworkValidator), modelTypes); // the check has teeth: internal types count too
        var offences = modelTypes
            .SelectMany(t => Mentioned(t).Select(m => (Type: t, Mentioned: m)))
            .Where(x => x.Mentioned.Namespace is { } ns && (ns == "Bedflow.Core.Simulation" || ns.StartsWith("Bedflow.Core.Simulation.", StringComparison.Ordinal)))
            .Select(x => $"{x.Type.FullName} mentions {x.Mentioned.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(offences);
    }

    private static IEnumerable<Type> Mentioned(Type t)
    {
        IEnumerable<Type> declared = [t.BaseType ?? typeof(object), .. t.GetInterfaces()];
        foreach (var m in t.GetMembers(Everything))
        {
            declared = declared.Concat(m switch
            {
                PropertyInfo p => [p.PropertyType],
                FieldInfo f => [f.FieldType],
                MethodInfo mi => [mi.ReturnType, .. mi.GetParameters().Select(p => p.ParameterType)],
                ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                _ => [],
            });
        }
        return declared.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type t) =>
        t.HasElementType ? Unwrap(t.GetElementType()!)
        : t.IsGenericType ? [t.GetGenericTypeDefinition(), .. t.GetGenericArguments().SelectMany(Unwrap)]
        : [t];
}
