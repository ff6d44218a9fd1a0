using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Bedflow.Core.Tests.Support;

/// <summary>
/// Reads src/Bedflow.Core/BannedSymbols.txt and resolves its documentation comment IDs against the
/// shared framework by reflection: T: types, N: namespaces, P: properties, M: methods and
/// constructors (#ctor) with their exact parameter types.
/// </summary>
internal static class BannedSymbols
{
    private static readonly Lazy<Dictionary<string, Type>> Types = new(LoadFrameworkTypes);

    /// <summary>The IDs in the list, without comments or messages.</summary>
    public static IReadOnlyList<string> Entries() =>
        File.ReadLines(Path.Combine(ScratchCore.RepoRoot, "src", "Bedflow.Core", "BannedSymbols.txt"))
            .Select(line => line.Split("//", 2)[0].Split(';', 2)[0].Trim())
            .Where(id => id.Length > 0)
            .ToList();

    /// <summary>Whether the ID names a public API of the shared framework.</summary>
    public static bool Resolves(string id)
    {
        string kind = id[..2], name = id[2..];
        if (kind == "N:")
        {
            return Types.Value.Values.Any(t => t.Namespace == name);
        }
        if (kind == "T:")
        {
            return Types.Value.ContainsKey(name);
        }
        string member = name.Split('(', 2)[0];
        int dot = member.LastIndexOf('.');
        if (dot < 0 || !Types.Value.TryGetValue(member[..dot], out var type))
        {
            return false;
        }
        string memberName = member[(dot + 1)..];
        string[] parameters = name.Contains('(', StringComparison.Ordinal) ? name[(member.Length + 1)..^1].Split(',') : [];
        const BindingFlags all = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance;
        return kind switch
        {
            "P:" => type.GetProperty(memberName, all) is not null,
            "M:" when memberName == "#ctor" => type.GetConstructors().Any(c => Matches(c, parameters)),
            "M:" => type.GetMethods(all).Any(m => m.Name == memberName && Matches(m, parameters)),
            _ => false,
        };
    }

    /// <summary>The documentation comment ID of a non-generic property or method.</summary>
    public static string IdOf(MemberInfo m) => m switch
    {
        PropertyInfo p => $"P:{DocName(p.DeclaringType!)}.{p.Name}",
        MethodBase b when b.GetParameters() is { Length: 0 } => $"M:{DocName(b.DeclaringType!)}.{b.Name}",
        MethodBase b => $"M:{DocName(b.DeclaringType!)}.{b.Name}({string.Join(',', b.GetParameters().Select(p => DocName(p.ParameterType)))})",
        _ => throw new ArgumentOutOfRangeException(nameof(m), m, "a property or a method"),
    };

    private static bool Matches(MethodBase method, string[] parameters) =>
        method.GetParameters().Select(p => DocName(p.ParameterType)).SequenceEqual(parameters);

    private static string DocName(Type t) => t.FullName!.Replace('+', '.');

    private static Dictionary<string, Type> LoadFrameworkTypes()
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (string dll in Directory.EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "System*.dll"))
        {
            Assembly assembly;
            try
            {
                assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(AssemblyName.GetAssemblyName(dll));
            }
            catch (BadImageFormatException)
            {
                continue; // a native library
            }
            foreach (var t in assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition))
            {
                types.TryAdd(DocName(t), t);
            }
        }
        return types;
    }
}
