using System.Globalization;
using Bedflow.Data.Register;
using Bedflow.Data.Tests.Scenarios;
using CsvHelper;

namespace Bedflow.Data.Tests.Register;

public class PopulationFileTests
{
    private static PopulationRead Read(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"population-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            return PopulationFile.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Where(PopulationRead read) => read.Problems.Select(p => $"{p.Line}:{p.Column}");

    [Fact]
    public void A_good_file_gives_adults_by_code_with_quotes_spaces_and_blank_lines_allowed()
    {
        var read = Read("Code, Adults\nE10000025,510000\n\n\"E10000002\" , 400000\r\n   \nE06000054,\"390000\"\n");
        Assert.Empty(read.Problems);
        Assert.Equal(new Dictionary<string, long> { ["E10000025"] = 510_000, ["E10000002"] = 400_000, ["E06000054"] = 390_000 }, read.Adults);
    }

    [Fact]
    public void Every_bad_row_is_reported_by_its_line_in_the_file_and_its_column()
    {
        var read = Read("code,adults\nE10000025,510000\n\nE10000002,lots\n,200000\nE10000025,1\nE06000016,0\nE06000015,1,2\n");
        Assert.Null(read.Adults);
        Assert.Equal(["4:adults", "5:code", "6:code", "7:adults", "8:"], Where(read));
        Assert.Equal("'lots' is not a number of adults above 0 (such as E10000025,510000).", read.Problems[0].Message);
        Assert.Equal("E10000025 is already on line 2.", read.Problems[2].Message);
        Assert.EndsWith(":4: adults: 'lots' is not a number of adults above 0 (such as E10000025,510000).", read.Problems[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("expected 2 fields, a council code and a number of adults (such as E10000025,510000), but found 3.", read.Problems[4].Message);
    }

    [Fact]
    public void A_quoted_field_over_two_lines_keeps_the_line_numbers_of_the_rows_after_it()
    {
        var read = Read("code,adults\n\"E1000\n0025\",510000\nE10000002,x\n");
        Assert.Equal(["4:adults"], Where(read));
    }

    [Theory]
    [InlineData("")]
    [InlineData("council,population\nE10000025,510000\n")]
    [InlineData("code\nE10000025\n")]
    public void A_file_without_the_header_code_adults_is_refused_on_line_1(string text)
    {
        var read = Read(text);
        Assert.Null(read.Adults);
        Assert.Equal("the population file needs the header code,adults (such as E10000025,510000).", Assert.Single(read.Problems).Message);
        Assert.Equal(1, read.Problems[0].Line);
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var read = PopulationFile.Read(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.csv"));
        Assert.Null(read.Adults);
        Assert.StartsWith("cannot read the file:", Assert.Single(read.Problems).Message, StringComparison.Ordinal);
    }

    // The shipped file of real figures: ONS mid-2018 adults aged 18+ by council
    // (examples/published/README.md gives its source and derivation).
    private static string Shipped => OxfordshireExampleTests.RepoFile("examples", "published", "population-adults-mid2018.csv");

    private static IReadOnlyDictionary<string, long> ShippedAdults()
    {
        var read = PopulationFile.Read(Shipped);
        Assert.Empty(read.Problems);
        return read.Adults!;
    }

    /// <summary>The council codes (E06, E08, E09, E10) of a published delay file's rows whose period passes <paramref name="month"/>.</summary>
    private static SortedSet<string> DelayCouncils(string path, Func<DateOnly, bool> month)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            string code = csv.GetField("Code")!;
            var period = DateOnly.ParseExact("1 " + csv.GetField("Period"), "d MMMM yyyy", CultureInfo.InvariantCulture);
            if (code is ['E', '0', '6' or '8' or '9', ..] or ['E', '1', '0', ..] && month(period))
            {
                codes.Add(code);
            }
        }
        return codes;
    }

    private static bool In2016To17(DateOnly m) => m >= new DateOnly(2016, 4, 1) && m <= new DateOnly(2017, 3, 1);

    [Fact]
    public void The_shipped_mid_2018_file_loads_with_one_row_per_council_of_2018_the_two_of_2019_and_England()
    {
        var adults = ShippedAdults();
        Assert.Equal(155, adults.Count);
        Assert.Equal(27, adults.Keys.Count(k => k.StartsWith("E10", StringComparison.Ordinal))); // counties
        Assert.Equal(56 + 2, adults.Keys.Count(k => k.StartsWith("E06", StringComparison.Ordinal))); // unitaries, with BCP and Dorset Council
        Assert.Equal(36, adults.Keys.Count(k => k.StartsWith("E08", StringComparison.Ordinal))); // metropolitan districts
        Assert.Equal(33, adults.Keys.Count(k => k.StartsWith("E09", StringComparison.Ordinal))); // London boroughs and the City
        Assert.All(adults.Where(a => a.Key != PublishedData.England), a => Assert.InRange(a.Value, 1_000, 2_000_000));
    }

    [Fact]
    public void Every_council_in_the_published_delay_sample_has_adults_in_the_shipped_file()
    {
        var adults = ShippedAdults();
        var codes = DelayCouncils(OxfordshireExampleTests.RepoFile("examples", "published", "dtoc-la-days-by-reason-sample.csv"), _ => true);
        Assert.Equal(10, codes.Count); // the sample's councils with E-codes, 2011 to 2019, BCP and both Dorsets among them
        Assert.All(codes, c => Assert.True(adults.GetValueOrDefault(c) > 0, $"no adults for {c}"));
    }

    [Fact]
    public void Every_council_in_the_published_delay_data_for_2016_17_has_adults_in_the_shipped_file()
    {
        // The full published file is in shared/data beside the repository (on developers' machines
        // and in CI); a clone without it is checked against the sample in examples/published.
        string full = Path.GetFullPath(OxfordshireExampleTests.RepoFile("..", "shared", "data", "dtoc-la-days-by-reason.csv"));
        bool whole = File.Exists(full);
        string path = whole ? full : OxfordshireExampleTests.RepoFile("examples", "published", "dtoc-la-days-by-reason-sample.csv");
        var adults = ShippedAdults();
        var codes = DelayCouncils(path, In2016To17);
        if (whole)
        {
            Assert.Equal(150, codes.Count); // every council of 2016/17 but the City of London and the Isles of Scilly, which have no rows
            Assert.Equal(152, DelayCouncils(path, _ => true).Count); // 2011 to 2019: with BCP and Dorset Council of 2019
            Assert.All(DelayCouncils(path, _ => true), c => Assert.True(adults.GetValueOrDefault(c) > 0, $"no adults for {c}"));
        }
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.True(adults.GetValueOrDefault(c) > 0, $"no adults for {c} in {path}"));
        Assert.True(adults[PublishedData.England] > 0); // the national rate
    }

    [Theory]
    // Sums of ONS's mid-2018 single years of age 18 to 90+ (both sexes) over each council's districts.
    [InlineData("E10000025", 542_736)] // Oxfordshire (all ages 687,524; its county council gives 687,500)
    [InlineData("E08000025", 852_986)] // Birmingham (all ages 1,141,374)
    [InlineData("E06000017", 31_890)] // Rutland
    [InlineData("E10000016", 1_228_483)] // Kent, the largest
    [InlineData("E09000012", 216_010)] // Hackney, without the City of London
    [InlineData("E09000001", 7_253)] // City of London
    [InlineData("E06000053", 1_874)] // Isles of Scilly
    [InlineData("E10000009", 349_817)] // Dorset County Council, to March 2019
    [InlineData("E06000028", 157_982)] // Bournemouth, to March 2019
    [InlineData("E06000029", 121_209)] // Poole, to March 2019
    [InlineData("E06000058", 320_484)] // Bournemouth, Christchurch and Poole, from April 2019
    [InlineData("E06000059", 308_524)] // Dorset Council, from April 2019
    [InlineData("E92000001", 44_022_560)] // England (all ages 55,977,178)
    public void The_shipped_figures_are_the_sources(string code, long expected) => Assert.Equal(expected, ShippedAdults()[code]);

    [Fact]
    public void The_shipped_councils_add_up_to_England_and_the_2019_councils_to_the_2018_ones_they_replaced()
    {
        var adults = ShippedAdults();
        var of2018 = adults.Where(a => a.Key is not (PublishedData.England or "E06000058" or "E06000059")).ToList();
        Assert.Equal(152, of2018.Count);
        Assert.Equal(adults[PublishedData.England], of2018.Sum(a => a.Value)); // no district lost or counted twice
        // BCP and Dorset Council are the districts of Bournemouth, Poole and Dorset County, regrouped.
        Assert.Equal(adults["E10000009"] + adults["E06000028"] + adults["E06000029"], adults["E06000058"] + adults["E06000059"]);
        // Christchurch moved from Dorset County to BCP: the same number of adults left the one and joined the other.
        Assert.Equal(adults["E10000009"] - adults["E06000059"], adults["E06000058"] - adults["E06000028"] - adults["E06000029"]);
    }
}
