using Bedflow.Core.Experiments;
using Bedflow.Core.Optimisation;
using Bedflow.Data.Optimisation;

namespace Bedflow.Data.Tests.Optimisation;

/// <summary>The optimise state file: records written and read back exactly, a torn last line left out, another search's state refused.</summary>
public sealed class OptimiseStateFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bedflow-state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static readonly OptimiseStateFile.Identity Search = OptimiseStateFile.Identity.Of("name: x\n"u8, "1.0.0", ["a", "b"]);

    private static CandidateRecord Record(int a, int b, int replications, bool unstable = false) => new(
        [a, b],
        [.. Enumerable.Range(0, replications).Select(i => 1000.0 / (a + b + 1) + (i * 0.1))],
        [.. Enumerable.Range(0, replications).Select(i => 600.0 / (a + b + 1) + (i * 0.3))],
        [.. Enumerable.Range(0, replications).Select(i => 12.5 * i)],
        Enum.GetValues<HarmMeasure>().ToDictionary(m => m, m => (IReadOnlyList<double>)[.. Enumerable.Range(0, replications).Select(i => m == HarmMeasure.AcuteOccupancy ? double.NaN : (0.1 * i) + (int)m)]),
        unstable);

    private static string Show(CandidateRecord r) =>
        $"{string.Join(",", r.Amounts)}|{string.Join(",", r.DelayedDays.Select(d => d.ToString("R")))}|{string.Join(",", r.AcuteDelayedDays.Select(d => d.ToString("R")))}|{string.Join(",", r.UnmetPounds)}|"
        + string.Join(";", r.Harms.OrderBy(h => h.Key).Select(h => $"{h.Key}:{string.Join(",", h.Value.Select(v => v.ToString("R")))}")) + $"|{r.Unstable}";

    [Fact]
    public void Records_come_back_exactly_the_last_of_each_allocation_kept()
    {
        string path = PathOf("state.jsonl");
        using (var state = OptimiseStateFile.Open(path, Search, fresh: false))
        {
            state.Append(Record(0, 0, 3));
            state.Append(Record(1, 0, 3, unstable: true));
            state.Append(Record(0, 0, 6));
        }
        var loaded = OptimiseStateFile.Read(path, Search);
        Assert.Null(loaded.Problem);
        Assert.Equal([Show(Record(0, 0, 6)), Show(Record(1, 0, 3, unstable: true))], loaded.Records.Select(Show));
    }

    [Fact]
    public void No_file_is_no_records()
    {
        var loaded = OptimiseStateFile.Read(PathOf("none.jsonl"), Search);
        Assert.Empty(loaded.Records);
        Assert.Null(loaded.Problem);
    }

    [Fact]
    public void A_torn_last_line_is_left_out_and_cut_off_when_the_search_goes_on()
    {
        string path = PathOf("torn.jsonl");
        using (var state = OptimiseStateFile.Open(path, Search, fresh: false))
        {
            state.Append(Record(0, 0, 3));
            state.Append(Record(1, 1, 3));
        }
        // Stopped half-way through writing a line.
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..^40]);
        var loaded = OptimiseStateFile.Read(path, Search);
        Assert.True(loaded.TornLine);
        Assert.Equal([Show(Record(0, 0, 3))], loaded.Records.Select(Show));
        using (var state = OptimiseStateFile.Open(path, Search, fresh: false))
        {
            state.Append(Record(2, 0, 3));
        }
        var again = OptimiseStateFile.Read(path, Search);
        Assert.False(again.TornLine);
        Assert.Null(again.Problem);
        Assert.Equal([Show(Record(0, 0, 3)), Show(Record(2, 0, 3))], again.Records.Select(Show));
    }

    [Fact]
    public void Another_searchs_state_is_refused_naming_why()
    {
        string path = PathOf("other.jsonl");
        using (var state = OptimiseStateFile.Open(path, Search, fresh: false))
        {
            state.Append(Record(0, 0, 3));
        }
        var changed = OptimiseStateFile.Identity.Of("name: y\n"u8, "1.0.0", ["a", "b"]);
        var loaded = OptimiseStateFile.Read(path, changed);
        Assert.Empty(loaded.Records);
        Assert.Contains("the scenario file has changed", loaded.Problem, StringComparison.Ordinal);
        Assert.Contains($"{path}:1:", loaded.Problem, StringComparison.Ordinal);
        Assert.False(loaded.NotAState);
        Assert.Contains("written by Bedflow 1.0.0", OptimiseStateFile.Read(path, Search with { Version = "2.0.0" }).Problem, StringComparison.Ordinal);
        Assert.Contains("levers differ", OptimiseStateFile.Read(path, Search with { Levers = ["a", "c"] }).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: Tiny\nstart: 2016-04-01\n", 1)]
    [InlineData("\n\n{\"some\": \"json\"}\n", 3)]
    public void A_file_that_is_not_a_state_is_neither_read_nor_to_be_written_over(string text, int line)
    {
        string path = PathOf("scenario.yaml");
        File.WriteAllText(path, text);
        var loaded = OptimiseStateFile.Read(path, Search);
        Assert.True(loaded.NotAState);
        Assert.Contains($"{path}:{line}: this is not a bedflow optimise state file", loaded.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"amounts\": [0, 0]}", "is not a record")]
    [InlineData("not json at all", "is not a record")]
    [InlineData("{\"amounts\":[0],\"delayed_days\":[1],\"acute_delayed_days\":[1],\"unmet_pounds\":[0],\"harms\":{},\"unstable\":false,\"deadlocked\":[],\"queue_growth\":[],\"admitted_per_day\":[]}", "cannot be used")]
    [InlineData("{\"amounts\":[0,0],\"delayed_days\":[-1],\"acute_delayed_days\":[1],\"unmet_pounds\":[0],\"harms\":{},\"unstable\":false,\"deadlocked\":[],\"queue_growth\":[],\"admitted_per_day\":[]}", "cannot be used")]
    [InlineData("{\"amounts\":[0,0],\"delayed_days\":[1],\"acute_delayed_days\":[1],\"unmet_pounds\":[0],\"harms\":{\"no_such_harm\":[1]},\"unstable\":false}", "is not a record")]
    public void An_edited_record_is_a_problem_at_its_line(string line, string says)
    {
        string path = PathOf("edited.jsonl");
        using (var state = OptimiseStateFile.Open(path, Search, fresh: false))
        {
            state.Append(Record(0, 0, 3));
        }
        File.AppendAllText(path, line + "\n");
        var loaded = OptimiseStateFile.Read(path, Search);
        Assert.Empty(loaded.Records);
        Assert.Contains($"{path}:3: ", loaded.Problem, StringComparison.Ordinal);
        Assert.Contains(says, loaded.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_too_long_is_refused_without_being_parsed()
    {
        string path = PathOf("long.jsonl");
        using (var state = OptimiseStateFile.Open(path, Search, fresh: false))
        {
            state.Append(Record(0, 0, 3));
        }
        File.AppendAllText(path, new string('[', OptimiseStateFile.MaxLineChars + 1) + "\n");
        Assert.Contains("longer than a state file's can be", OptimiseStateFile.Read(path, Search).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fresh_writes_over_what_was_there()
    {
        string path = PathOf("fresh.jsonl");
        using (var state = OptimiseStateFile.Open(path, Search, fresh: false))
        {
            state.Append(Record(0, 0, 3));
        }
        using (var state = OptimiseStateFile.Open(path, Search, fresh: true))
        {
            state.Append(Record(1, 0, 2));
        }
        Assert.Equal([Show(Record(1, 0, 2))], OptimiseStateFile.Read(path, Search).Records.Select(Show));
    }

    [Fact]
    public void A_second_search_cannot_open_a_state_another_holds()
    {
        string path = PathOf("held.jsonl");
        using var first = OptimiseStateFile.Open(path, Search, fresh: false);
        first.Append(Record(0, 0, 3));
        Assert.ThrowsAny<IOException>(() => OptimiseStateFile.Open(path, Search, fresh: false));
        Assert.ThrowsAny<IOException>(() => OptimiseStateFile.Open(path, Search, fresh: true));
    }
}
