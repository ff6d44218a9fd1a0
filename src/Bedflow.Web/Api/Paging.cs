using System.Globalization;

namespace Bedflow.Web.Api;

/// <summary>The page and page size of a list (?page=&amp;pageSize=), checked: the problems by field for a 400.</summary>
internal static class Paging
{
    public static (int Page, int Size) Read(string? page, string? pageSize, int defaultSize, int maxSize, Dictionary<string, string[]> problems)
    {
        int p = 1, s = defaultSize;
        if (page is not null && !(int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) && p is >= 1 and <= 1_000_000))
        {
            problems["page"] = ["must be a whole number from 1 to 1000000."];
        }
        if (pageSize is not null && !(int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out s) && s >= 1 && s <= maxSize))
        {
            problems["pageSize"] = [$"must be a whole number from 1 to {maxSize}."];
        }
        return (p, s);
    }
}
