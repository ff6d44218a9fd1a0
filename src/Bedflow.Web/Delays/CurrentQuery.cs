using System.Globalization;
using Bedflow.Core.Vocabulary;
using Bedflow.Data.Register;
using Bedflow.Web.Api;

namespace Bedflow.Web.Delays;

/// <summary>
/// What the list of patients delayed now is asked for: as at when, which reason, provider and
/// responsible organisation, which page. Read from the query string (the API and the Today page
/// alike) with every problem named by its field.
/// </summary>
/// <param name="At">As at this time (the register's local clock time).</param>
/// <param name="AtGiven">Whether the time was asked for (else it is now).</param>
/// <param name="Reason">Only this SitRep reason, or all.</param>
/// <param name="Provider">Only this provider's code, or all.</param>
/// <param name="Organisation">Only delays the responsibility of this organisation, or all.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows a page.</param>
internal sealed record CurrentQuery(DateTime At, bool AtGiven, DelayReason? Reason, string? Provider, Responsibility? Organisation, int Page, int PageSize)
{
    /// <summary>Rows a page unless asked.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The most rows a page may hold.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The times a query or form may give: an HTML datetime-local value, "yyyy-mm-dd hh:mm", or a date (its midnight).</summary>
    internal static readonly string[] TimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>The query, or the problems by field (values echoed masked: a query string may hold anything).</summary>
    public static (CurrentQuery? Query, Dictionary<string, string[]> Problems) Read(string? at, string? reason, string? provider, string? organisation, string? page, string? pageSize, DateTime now)
    {
        var problems = new Dictionary<string, string[]>();
        var (p, size) = Paging.Read(page, pageSize, DefaultPageSize, MaxPageSize, problems);
        // Now, to the minute (as the list shows it): every request in the same minute asks the same question, answered once.
        DateTime when = new(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), now.Kind);
        bool atGiven = !string.IsNullOrWhiteSpace(at);
        if (atGiven && !DateTime.TryParseExact(at!.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out when))
        {
            problems["at"] = [$"'{Echo(at)}' is not a time: write yyyy-mm-ddThh:mm (or yyyy-mm-dd)."];
        }
        DelayReason? r = null;
        if (!string.IsNullOrWhiteSpace(reason) && (r = SitRepCodes.Reason(reason.Trim())) is null)
        {
            problems["reason"] = [$"'{Echo(reason)}' is not a SitRep reason: {string.Join(", ", DelayReasonWords.Table.Codes)}."];
        }
        Responsibility? o = null;
        if (!string.IsNullOrWhiteSpace(organisation) && (o = ResponsibilityWords.Table.Find(organisation.Trim(), StringComparison.OrdinalIgnoreCase)) is null)
        {
            problems["organisation"] = [$"'{Echo(organisation)}' is not an organisation: {string.Join(", ", ResponsibilityWords.Table.Codes)}."];
        }
        string? prov = string.IsNullOrWhiteSpace(provider) ? null : provider.Trim();
        if (prov is { Length: > RegisterExtractLimits.MaxName })
        {
            problems["provider"] = [$"is longer than {RegisterExtractLimits.MaxName} characters."];
        }
        return problems.Count > 0 ? (null, problems) : (new CurrentQuery(when, atGiven, r, prov, o, p, size), problems);
    }

    /// <summary>A value typed by someone, for a message: masked, and cut short.</summary>
    /// <summary>A value given, to echo in a message: NHS numbers masked, at most 40 characters.</summary>
    internal static string Echo(string? text)
    {
        string masked = NhsNumber.Redact(text);
        return masked.Length > 40 ? masked[..40] + "…" : masked;
    }
}
