namespace Bedflow.Data.Results;

/// <summary>
/// Writes a set of files into a folder all or nothing: each is written in full to a staging
/// folder beside them first, then moved into place; on any failure the staging folder is
/// removed and the folder keeps what it had.
/// </summary>
public static class OutputFolder
{
    /// <summary>Writes the files (name → writer of its content) into <paramref name="folder"/>, creating it if needed.</summary>
    public static void Write(string folder, IReadOnlyList<(string Name, Action<Stream> Content)> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(folder);
        string staging = Path.Combine(folder, $".bedflow-staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, content) in files)
            {
                using var stream = new FileStream(Path.Combine(staging, name), FileMode.CreateNew, FileAccess.Write);
                content(stream);
            }
            foreach (var (name, _) in files)
            {
                File.Move(Path.Combine(staging, name), Path.Combine(folder, name), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
