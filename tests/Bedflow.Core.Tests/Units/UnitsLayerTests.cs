using System.Reflection;
using System.Reflection.Emit;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Units;

/// <summary>
/// Units is the lowest layer of Core (design.md): its types may use nothing else in Core but the
/// root namespace's Preconditions. Checked on the compiled code — every signature, field and
/// instruction of every Units type, lambdas' hidden classes included — not on source text.
/// </summary>
public class UnitsLayerTests
{
    private static readonly Assembly Core = typeof(Money).Assembly;

    private static readonly Dictionary<ushort, OpCode> OpCodeByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    [Fact]
    public void Units_uses_nothing_else_in_core_but_Preconditions()
    {
        var units = Core.GetTypes().Where(t => t.Namespace == "Bedflow.Core.Units").ToList();
        Assert.Contains(typeof(FinancialYear), units);
        var used = units.SelectMany(Uses).Distinct().ToList();
        // The scan has teeth: FinancialYear.Starting calls Preconditions.InRange.
        Assert.Contains(used, t => t.FullName == "Bedflow.Core.Preconditions");
        var offending = used
            .Where(t => t.Assembly == Core && t.Namespace is { } ns && (ns == "Bedflow.Core" || ns.StartsWith("Bedflow.Core.", StringComparison.Ordinal)))
            .Where(t => t.Namespace != "Bedflow.Core.Units" && t.FullName != "Bedflow.Core.Preconditions")
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offending);
    }

    private static IEnumerable<Type> Uses(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> direct = [.. type.GetInterfaces(), .. type.BaseType is { } b ? [b] : Array.Empty<Type>()];
        direct = direct.Concat(type.GetFields(all).Select(f => f.FieldType));
        direct = direct.Concat(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            direct = direct.Concat(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo mi)
            {
                direct = direct.Concat([mi.ReturnType]);
            }
            direct = direct.Concat(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
            direct = direct.Concat(Instructions(method));
        }
        return direct.SelectMany(Unwrap);
    }

    /// <summary>The types an IL body names: the members it calls, reads or creates, and the types it tests or loads.</summary>
    private static List<Type> Instructions(MethodBase method)
    {
        var types = new List<Type>();
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return types;
        }
        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            ushort code = il[i++];
            if (code == 0xFE)
            {
                code = (ushort)(0xFE00 | il[i++]);
            }
            var op = OpCodeByValue[code];
            int size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                switch (method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments))
                {
                    case Type t:
                        types.Add(t);
                        break;
                    case MethodBase m:
                        types.Add(m.DeclaringType!);
                        types.AddRange(m.GetParameters().Select(p => p.ParameterType));
                        if (m is MethodInfo { IsGenericMethod: true } g)
                        {
                            types.AddRange(g.GetGenericArguments());
                        }
                        break;
                    case FieldInfo f:
                        types.Add(f.DeclaringType!);
                        types.Add(f.FieldType);
                        break;
                }
            }
            i += size;
        }
        return types;
    }

    private static IEnumerable<Type> Unwrap(Type t) =>
        t.HasElementType ? Unwrap(t.GetElementType()!)
        : t.IsGenericType && !t.IsGenericTypeDefinition ? [t.GetGenericTypeDefinition(), .. t.GetGenericArguments().SelectMany(Unwrap)]
        : [t];
}
