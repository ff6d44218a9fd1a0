namespace Bedflow.Core.Model;

/// <summary>Thrown by <see cref="Network.EnsureValid"/> when a model built in code has problems.</summary>
public sealed class InvalidModelException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InvalidModelException(IReadOnlyList<ModelProblem> problems)
        : base("The model is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public InvalidModelException() : this([])
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public InvalidModelException(string message) : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public InvalidModelException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ModelProblem> Problems { get; }
}
