using Bedflow.Data.Files;

namespace Bedflow.Data.Tests.Files;

/// <summary>A file is written whole or not at all.</summary>
public sealed class WholeFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bedflow-whole-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_new_content_replaces_the_old_and_nothing_is_left_beside_it()
    {
        string path = Path.Combine(_folder, "a.txt");
        File.WriteAllText(path, "old and longer");
        WholeFile.Write(path, "new £");
        Assert.Equal("new £", File.ReadAllText(path));
        Assert.Equal([0x6E, 0x65, 0x77], File.ReadAllBytes(path)[..3]); // no byte-order mark
        Assert.Equal(["a.txt"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_write_that_cannot_be_moved_into_place_leaves_the_old_file_and_no_partial()
    {
        // The target is a folder: the move fails after the content was written beside it.
        string target = Path.Combine(_folder, "taken");
        Directory.CreateDirectory(target);
        Assert.ThrowsAny<IOException>(() => WholeFile.Write(target, [1, 2, 3]));
        Assert.True(Directory.Exists(target));
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
