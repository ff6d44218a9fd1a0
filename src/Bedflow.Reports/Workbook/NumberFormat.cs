namespace Bedflow.Reports.Workbook;

/// <summary>How a cell of report.xlsx shows its value: each kind is one cell style of the workbook (<see cref="WorkbookStyles"/>).</summary>
internal enum NumberFormat
{
    /// <summary>Text, or a number as Excel's General shows it.</summary>
    General,
    /// <summary>A column heading: bold, wrapped.</summary>
    Heading,
    /// <summary>Text that wraps (descriptions).</summary>
    WrappedText,
    /// <summary>Whole numbers with thousands separators: 12,345.</summary>
    Integer,
    /// <summary>One decimal place with thousands separators: 1,234.5.</summary>
    OneDecimal,
    /// <summary>Pounds, whole, with thousands separators: £1,234,567 (negative: -£1,234).</summary>
    Pounds,
    /// <summary>A share shown as a percentage with one decimal: 93.4%.</summary>
    Percent,
    /// <summary>A calendar date, UK form: 01/04/2016.</summary>
    Date,
    /// <summary>A month: Apr 2016 (the date of its first day).</summary>
    Month,
    /// <summary>Two decimal places with thousands separators: 1,234.56 (a marginal value per £1,000).</summary>
    TwoDecimals,
}
