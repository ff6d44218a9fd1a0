namespace Bedflow.Web.Delays;

/// <summary>The register's limits a query is checked against.</summary>
internal static class RegisterExtractLimits
{
    /// <summary>The longest provider code the register holds (as its imports check).</summary>
    public const int MaxName = 200;
}
