using System.Text;
using Bedflow.Data.Csv;
using Bedflow.Reports.Workbook;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bedflow.Web.Figures;

/// <summary>A figure's tables as a download: CSV (its first table) or an Excel workbook (every table a sheet), made whole in memory.</summary>
internal static class FigureDownload
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileContentHttpResult File(string name, string format, string title, IReadOnlyList<FigureTable> tables)
    {
        if (format == "csv")
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            TableCsv.Write(text, tables[0].Headings, tables[0].Rows);
            return TypedResults.File(new UTF8Encoding(false).GetBytes(text.ToString()), CsvType, name + ".csv");
        }
        using var xlsx = new MemoryStream();
        TableWorkbook.Write(xlsx, title, tables);
        return TypedResults.File(xlsx.ToArray(), XlsxType, name + ".xlsx");
    }
}
