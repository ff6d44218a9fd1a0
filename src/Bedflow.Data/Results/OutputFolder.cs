namespace Bedflow.Data.Results;

/// <summary>
/// Writes a set of files into a folder all or nothing: each is written in full to a staging
/// folder beside them first, then moved into place; on any failure the staging folder is
/// removed and the folder keeps what it had.
/// </summary>
public static class OutputFolder
{
    /// <summary>A variant or file name made safe for a file name: letters, digits, '_' and '-' kept, anything else '_'.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
    }

    /// <summary>
    /// Checks before a long run that the folder can take the files: it is not a file, it can be
    /// created and written, and none of the names is taken by a folder. Returns a message or null.
    /// </summary>
    public static string? CheckWritable(string folder, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(names);
        if (File.Exists(folder))
        {
            return $"'{folder}' is a file, not a folder.";
        }
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".bedflow-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write in '{folder}': {e.Message}";
        }
        return names.FirstOrDefault(n => Directory.Exists(Path.Combine(folder, n))) is { } taken ? $"'{Path.Combine(folder, taken)}' is a folder: remove it or choose another --out." : null;
    }

    /// <summary>Writes the files (name → writer of its content) into <paramref name="folder"/>, creating it if needed.</summary>
    public static void Write(string folder, IReadOnlyList<(string Name, Action<Stream> Content)> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        if (CheckWritable(folder, files.Select(f => f.Name)) is { } problem)
        {
            throw new IOException(problem);
        }
        string staging = Path.Combine(folder, $".bedflow-staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string backup = Path.Combine(staging, ".previous");
        Directory.CreateDirectory(backup);
        var moved = new List<string>();
        try
        {
            foreach (var (name, content) in files)
            {
                using var stream = new FileStream(Path.Combine(staging, name), FileMode.CreateNew, FileAccess.Write);
                content(stream);
            }
            // Swap in: keep each old file aside first, so that a failure half-way can put everything back.
            foreach (var (name, _) in files)
            {
                string target = Path.Combine(folder, name);
                if (File.Exists(target))
                {
                    File.Move(target, Path.Combine(backup, name));
                }
                moved.Add(name);
                File.Move(Path.Combine(staging, name), target);
            }
        }
        catch
        {
            foreach (string name in moved)
            {
                string target = Path.Combine(folder, name);
                File.Delete(target);
                if (File.Exists(Path.Combine(backup, name)))
                {
                    File.Move(Path.Combine(backup, name), target);
                }
            }
            throw;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
