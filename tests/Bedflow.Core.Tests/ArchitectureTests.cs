using System.Reflection;
using System.Runtime.CompilerServices;
using Bedflow.Core.Experiments;

namespace Bedflow.Core.Tests;

/// <summary>
/// Cheap reflection checks that keep the layering honest. What Core's source may call is checked
/// by the compiler (src/Bedflow.Core/BannedSymbols.txt, see <see cref="BannedApiTests"/>).
/// </summary>
public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Simulator).Assembly;

    [Fact]
    public void Core_references_no_input_output_assemblies()
    {
        string[] forbidden = ["System.Console", "System.IO.FileSystem", "System.Net", "Microsoft.Data", "Npgsql", "Spectre", "System.CommandLine", "YamlDotNet"];
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_core_type_lives_in_a_Bedflow_Core_namespace()
    {
        // The compiler embeds its own attributes (System.Runtime.CompilerServices.NullableAttribute
        // and the like) and marks them as generated.
        var strays = Core.GetTypes()
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && t.DeclaringType is null)
            .Where(t => t.Namespace is not { } ns || (ns != "Bedflow.Core" && !ns.StartsWith("Bedflow.Core.", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void Core_public_surface_uses_no_file_console_network_or_process_type()
    {
        // Which namespaces a public signature may not mention: the caller owns files and I/O.
        string[] forbidden = ["System.IO", "System.Net", "System.Diagnostics", "System.Data", "Microsoft.Data", "Npgsql"];
        var offences = Core.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => SignatureTypes(m).Select(s => (Member: $"{t.FullName}.{m.Name}", Type: s))))
            .Where(x => x.Type.Namespace is { } ns && forbidden.Any(f => ns == f || ns.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(x => $"{x.Member}: {x.Type.FullName}")
            .Distinct()
            .ToList();
        Assert.Empty(offences);
    }

    private static IEnumerable<Type> SignatureTypes(MemberInfo m)
    {
        IEnumerable<Type> direct = m switch
        {
            PropertyInfo p => [p.PropertyType],
            FieldInfo f => [f.FieldType],
            MethodInfo mi => [mi.ReturnType, .. mi.GetParameters().Select(p => p.ParameterType)],
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            EventInfo e => [e.EventHandlerType!],
            _ => [],
        };
        return direct.SelectMany(Unwrap);
    }

    // List<FileInfo>, FileInfo[] and ref FileInfo mention FileInfo too.
    private static IEnumerable<Type> Unwrap(Type t) =>
        t.HasElementType ? Unwrap(t.GetElementType()!)
        : t.IsGenericType ? [t.GetGenericTypeDefinition(), .. t.GetGenericArguments().SelectMany(Unwrap)]
        : [t];
}
