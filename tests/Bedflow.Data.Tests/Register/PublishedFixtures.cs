namespace Bedflow.Data.Tests.Register;

/// <summary>Hand-made extracts in the published layout, with the published data's quirks.</summary>
internal static class PublishedFixtures
{
    private const string ReasonHeader = "\"Code\",\"Name\",\"Awaiting completion of assessment\",\"Awaiting public funding\",\"Awaiting further NHS non-acute care\",\"Awaiting residential home placement or availability\",\"Awaiting nursing home placement or availability\",\"Awaiting care package in own home\",\"Awaiting community equipment and adaptations\",\"Patient or family choice\",\"Disputes\",\"Housing - Patients not covered by NHS and Community Care Act\",\"Other\",\"Total Delayed Transfers of Care\",\"Period\"";

    /// <summary>
    /// Oxfordshire under its old code (608) in 2014 and its E-code in 2016; the two Dorsets and BCP;
    /// a small council; England's total; "-" and "NA" values.
    /// </summary>
    public static string Reasons => string.Join("\n",
    [
        ReasonHeader,
        "\"608\",\"Oxfordshire\",\"100\",\"0\",\"300\",\"50\",\"80\",\"200\",\"10\",\"60\",\"0\",\"20\",NA,\"820\",\"March 2014\"",
        "\"E10000025\",\"Oxfordshire\",\"90\",\"0\",\"280\",\"40\",\"70\",\"260\",\"5\",\"70\",\"0\",\"15\",\"10\",\"840\",\"April 2017\"",
        "\"809\",\"Dorset\",\"10\",\"0\",\"30\",\"5\",\"8\",\"20\",\"1\",\"6\",\"0\",\"2\",NA,\"82\",\"March 2014\"",
        "\"E10000009\",\"Dorset\",\"12\",\"0\",\"31\",\"6\",\"9\",\"22\",\"1\",\"7\",\"0\",\"2\",\"1\",\"91\",\"April 2017\"",
        "\"E06000059\",\"Dorset\",\"8\",\"0\",\"20\",\"4\",\"6\",\"15\",\"1\",\"5\",\"0\",\"1\",\"1\",\"61\",\"August 2019\"",
        "\"E06000058\",\"Bournemouth, Christchurch and Poole\",\"9\",\"0\",\"25\",\"5\",\"7\",\"18\",\"-\",\"5\",\"0\",\"1\",\"1\",\"71\",\"August 2019\"",
        "\"E06000028\",\"Bournemouth\",\"5\",\"0\",\"10\",\"2\",\"3\",\"8\",\"0\",\"2\",\"0\",\"0\",\"0\",\"30\",\"April 2017\"",
        "\"E06000016\",\"Leicester\",\"7\",\"43\",\"51\",\"64\",\"47\",\"20\",\"11\",\"87\",\"15\",\"61\",\"0\",\"406\",\"April 2017\"",
        "\"-\",\"England\",\"15076\",\"3994\",\"25624\",\"15865\",\"17100\",\"25051\",\"3814\",\"16223\",\"892\",\"5610\",\"1524\",\"130773\",\"April 2017\"",
    ]) + "\n";

    public static string Organisations => string.Join("\n",
    [
        "\"Name\",\"NHS\",\"Social Care\",\"Both\",\"Period_year\"",
        "\"Oxfordshire\",\"500\",\"200\",\"140\",\"April 2017\"",
        "\"Dorset\",\"50\",\"30\",\"11\",\"April 2017\"",
        "\"Dorset\",\"30\",\"20\",\"11\",\"August 2019\"",
        "\"Bournemouth, Christchurch and Poole\",\"40\",\"-\",\"31\",\"August 2019\"",
        "\"England\",\"83023\",\"35781\",\"11969\",\"April 2017\"",
    ]) + "\n";
}
