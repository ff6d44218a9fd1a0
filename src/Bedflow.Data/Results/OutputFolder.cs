namespace Bedflow.Data.Results;

/// <summary>
/// Writes a set of files into a folder all or nothing: each is written in full to a staging
/// folder beside them first, then moved into place; on any failure the staging folder is
/// removed and the folder keeps what it had. The folder is left holding exactly the new files:
/// those an earlier write left (listed in the folder's <c>.bedflow-outputs</c>) and that are not
/// written again are removed in the same swap. A folder that holds anything Bedflow did not
/// write is refused rather than emptied.
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
        var list = names.ToList();
        if (list.FirstOrDefault(n => Directory.Exists(Path.Combine(folder, n))) is { } taken)
        {
            return $"'{Path.Combine(folder, taken)}' is a folder: remove it or choose another --out.";
        }
        var foreign = Foreign(folder, list);
        return foreign.Count == 0 ? null
            : $"'{folder}' holds {(foreign.Count == 1 ? "a file" : $"{foreign.Count} files or folders")} Bedflow did not write ({string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? ", …" : "")}): "
              + "a run replaces everything in its output folder, so choose an empty or new --out, or move them away.";
    }

    /// <summary>What the folder holds that is neither one of <paramref name="names"/> nor a file an earlier write left there.</summary>
    public static IReadOnlyList<string> Foreign(string folder, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(names);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        try
        {
            var ours = OutputManifest.Owned(folder);
            ours.UnionWith(names);
            ours.Add(OutputManifest.FileName);
            return Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>()
                .Where(n => !ours.Contains(n) && !n.StartsWith(StagingPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // an unreadable folder is reported by CheckWritable's probe
        }
    }

    private const string StagingPrefix = ".bedflow-staging-";

    /// <summary>Writes the files (name → writer of its content) into <paramref name="folder"/>, creating it if needed.</summary>
    public static void Write(string folder, IReadOnlyList<(string Name, Action<Stream> Content)> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        if (CheckWritable(folder, files.Select(f => f.Name)) is { } problem)
        {
            throw new IOException(problem);
        }
        // Files an earlier write left that this one does not write again: removed in the same swap.
        var stale = OutputManifest.Owned(folder).Except(files.Select(f => f.Name)).Where(n => File.Exists(Path.Combine(folder, n))).ToList();
        var all = files.Append((OutputManifest.FileName, s => s.Write(System.Text.Encoding.UTF8.GetBytes(OutputManifest.Content(files.Select(f => f.Name)))))).ToList();
        string staging = Path.Combine(folder, $"{StagingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        string backup = Path.Combine(staging, ".previous");
        Directory.CreateDirectory(backup);
        var moved = new List<string>();
        var removed = new List<string>();
        try
        {
            foreach (var (name, content) in all)
            {
                using var stream = new FileStream(Path.Combine(staging, name), FileMode.CreateNew, FileAccess.Write);
                content(stream);
            }
            // Swap in: keep each old file aside first, so that a failure half-way can put everything back.
            foreach (var (name, _) in all)
            {
                string target = Path.Combine(folder, name);
                if (File.Exists(target))
                {
                    File.Move(target, Path.Combine(backup, name));
                }
                moved.Add(name);
                File.Move(Path.Combine(staging, name), target);
            }
            foreach (string name in stale)
            {
                File.Move(Path.Combine(folder, name), Path.Combine(backup, name));
                removed.Add(name);
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
            foreach (string name in removed)
            {
                File.Move(Path.Combine(backup, name), Path.Combine(folder, name));
            }
            throw;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
