using System.Globalization;
using Bedflow.Core.Delays;
using Bedflow.Core.Vocabulary;
using CsvHelper;

namespace Bedflow.Data.Register;

internal static partial class RegisterExtract
{
    /// <summary>The longest provider code or service name, in characters.</summary>
    public const int MaxName = 200;

    /// <summary>The longest local hospital number, in characters.</summary>
    public const int MaxLocalNumber = 30;

    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    /// <summary>The checks of every cell, whatever its column: no NHS number outside its column, no control character, names not too long.</summary>
    private static void CheckCells(CsvReader csv, string[] header, Action<string, string> add)
    {
        for (int i = 0; i < Math.Min(csv.Parser.Count, header.Length); i++)
        {
            string cell = csv.Parser[i] ?? "";
            if (header[i] != "nhs_number" && NhsNumber.ContainsNumberLike(cell))
            {
                add(header[i], "holds what looks like an NHS number: NHS numbers belong only in the nhs_number column.");
            }
            if (cell.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                add(header[i], "holds a control character (such as NUL): is this a text CSV file?");
            }
            if (header[i] is "provider" or "service" && cell.Length > MaxName)
            {
                add(header[i], $"is longer than {MaxName} characters.");
            }
        }
    }

    /// <summary>The checks of a well-formed row's identity (provider, NHS number, admission); the admission time, or null.</summary>
    private static DateTime? CheckIdentity(Func<string, string> get, Action<string, string> add, string provider, string? nhs)
    {
        if (provider.Length == 0)
        {
            add("provider", "is empty.");
        }
        if (nhs is null)
        {
            add("nhs_number", $"{NhsNumber.Mask(get("nhs_number"))} is not a valid NHS number (ten digits with a correct modulus-11 check digit).");
        }
        return Time(get("admitted"), "admitted", required: true, add);
    }

    /// <summary>The episode a well-formed row describes (its one reason period, if any), or null after adding its problems.</summary>
    private static ExtractEpisode? ReadEpisode(Func<string, string> get, Action<string, string> add, string provider, string? nhs, DateTime? admitted, byte[] key, IdentityCipher? cipher, int line)
    {
        bool ok = true;
        void Add(string column, string message)
        {
            ok = false;
            add(column, message);
        }
        var ready = Time(get("ready_for_transfer"), "ready_for_transfer", required: false, Add);
        var discharged = Time(get("discharged"), "discharged", required: false, Add);
        if (admitted is { } a && ready is { } r && r < a)
        {
            Add("ready_for_transfer", "is before admission.");
        }
        if (discharged is { } d && ((ready is { } r2 && d < r2) || (admitted is { } a2 && d < a2)))
        {
            Add("discharged", ready is null ? "is before admission." : "is before the patient was ready for transfer.");
        }
        string service = get("service");
        if (service.Length == 0)
        {
            Add("service", "is empty.");
        }
        SitRepBeds? beds = SitRepCodes.Beds(get("bed_type")) is { } b && b != SitRepBeds.None ? b : null;
        if (beds is null)
        {
            Add("bed_type", $"'{get("bed_type")}' is not acute or non_acute.");
        }
        string destination = get("destination");
        if (destination.Length > 0 && destination != DischargePathwayWords.None && !DischargePathwayWords.Table.TryParse(destination, out _))
        {
            Add("destination", $"'{destination}' is not a discharge pathway: {string.Join(", ", DischargePathwayWords.Table.Codes)}, or {DischargePathwayWords.None} (not a discharge).");
        }
        string adultText = get("adult").ToLowerInvariant();
        if (adultText is not ("" or "yes" or "no" or "y" or "n" or "true" or "false"))
        {
            Add("adult", $"'{get("adult")}' is not yes or no.");
        }
        string local = get(LocalNumberColumn);
        if (local.Length > MaxLocalNumber || local.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '/' or ' ')))
        {
            Add(LocalNumberColumn, $"is not a local hospital number: at most {MaxLocalNumber} letters, digits, '-', '/' or spaces.");
        }
        var change = ReadReason(get, Add, ready, discharged);
        if (!ok || provider.Length == 0 || nhs is null || admitted is null)
        {
            return null;
        }
        string hash = NhsNumber.Hash(nhs, key);
        return new ExtractEpisode(provider, hash, admitted.Value, ready, discharged, service, beds!.Value,
            destination.Length == 0 ? null : destination, adultText is not ("no" or "n" or "false"), change is { } c ? [c] : [], [line])
        {
            NhsSealed = cipher?.Seal(nhs, IdentityContext.Nhs(hash)),
            LocalSealed = cipher is not null && local.Length > 0 ? cipher.Seal(local, IdentityContext.Local(hash, provider, admitted.Value)) : null,
        };
    }

    /// <summary>The row's reason period (reason, responsible, from), or null when it gives none or after adding its problems.</summary>
    private static ReasonChange? ReadReason(Func<string, string> get, Action<string, string> add, DateTime? ready, DateTime? discharged)
    {
        string reasonText = get("reason");
        if (reasonText.Length == 0)
        {
            return null;
        }
        DelayReason? reason = SitRepCodes.Reason(reasonText);
        Responsibility? who = SitRepCodes.Responsible(get("responsible"));
        var from = Time(get("reason_from"), "reason_from", required: true, add);
        if (reason is null)
        {
            add("reason", $"'{reasonText}' is not a SitRep reason: {string.Join(", ", SitRep.Reasons)}.");
        }
        if (who is null)
        {
            add("responsible", $"'{get("responsible")}' is not NHS, Social Care or Both.");
        }
        if (reason is { } rr && who is { } ww && !SitRep.Allows(rr, ww))
        {
            add("responsible", $"reason {rr} cannot be the responsibility of {ResponsibilityWords.ExtractColumn(ww)} in the SitRep.");
        }
        if (ready is null && reason is not null)
        {
            add("reason", "a delay reason needs a ready_for_transfer time.");
        }
        if (from is { } f && ((ready is { } rf && f < rf) || (discharged is { } df && f > df)))
        {
            add("reason_from", "is outside the delay (before ready for transfer or after discharge).");
        }
        return reason is { } r && who is { } w && from is { } t ? new ReasonChange(t, r, w) : null;
    }

    private static DateTime? Time(string text, string column, bool required, Action<string, string> add)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                add(column, "is required but empty.");
            }
            return null;
        }
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        add(column, $"'{text}' is not a date and time: write yyyy-mm-dd hh:mm (or yyyy-mm-dd).");
        return null;
    }
}
