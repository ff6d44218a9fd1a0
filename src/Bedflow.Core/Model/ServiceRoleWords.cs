using Bedflow.Core.Vocabulary;

namespace Bedflow.Core.Model;

/// <summary>The words of how a patient uses a service: the one table for <see cref="ServiceRole"/>.</summary>
public static class ServiceRoleWords
{
    /// <summary>A member's words.</summary>
    /// <param name="Value">The member.</param>
    /// <param name="Code">Its stable code: scenario files (<c>services.*.role</c>).</param>
    public sealed record Row(ServiceRole Value, string Code) : IVocabularyRow<ServiceRole>;

    /// <summary>The table.</summary>
    public static VocabularyTable<ServiceRole, Row> Table { get; } = new(
    [
        new(ServiceRole.Place, "place"),
        new(ServiceRole.Resource, "resource"),
    ]);

    /// <summary>The member's code: place, resource.</summary>
    public static string Code(ServiceRole value) => Table[value].Code;
}
