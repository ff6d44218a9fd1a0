namespace Bedflow.Core.Vocabulary;

/// <summary>A row of a <see cref="VocabularyTable{TEnum, TRow}"/>: one member of an enum and its stable code.</summary>
/// <typeparam name="TEnum">The enum the table spells.</typeparam>
public interface IVocabularyRow<TEnum> where TEnum : struct, Enum
{
    /// <summary>The member this row spells.</summary>
    TEnum Value { get; }

    /// <summary>
    /// The member's stable code: what scenario files, results JSON, CSV and the register's
    /// database hold. Never derived from the C# name, so renaming a member changes no file.
    /// </summary>
    string Code { get; }
}
