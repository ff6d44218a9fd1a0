namespace Bedflow.Web.Api;

/// <summary>`GET /api/runs`: a page of the kept runs, newest first, and how many there are.</summary>
internal sealed record RunsPageDocument(int Page, int PageSize, int Total, IReadOnlyList<Runs.RunRecord> Items);

/// <summary>One problem in a scenario (a 400's <c>problems</c>): where it is (line and column from 1, the key path) and what is wrong.</summary>
internal sealed record ScenarioProblemDocument(int Line, int Column, string Path, string Message, bool Warning);

/// <summary>A run's appraisal (appraisal.json beside its board pack): the recommendation in words and each option's standing, as the board pack words them.</summary>
internal sealed record AppraisalDocument(string Verdict, IReadOnlyList<OptionStandingDocument> Options);

/// <summary>One option's standing against the baseline, its delayed days avoided a year with the 95% interval, and why.</summary>
internal sealed record OptionStandingDocument(string Variant, string Standing, bool Acceptable, double DelayedDaysAvoided,
    [property: System.Text.Json.Serialization.JsonPropertyName("delayed_days_avoided_ci95")] IReadOnlyList<double?> DelayedDaysAvoidedCi95, IReadOnlyList<string> Why);
