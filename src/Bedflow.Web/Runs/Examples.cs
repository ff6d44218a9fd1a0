namespace Bedflow.Web.Runs;

/// <summary>
/// The example scenarios a user may pick instead of uploading one: every .yaml file in the examples
/// folder and its sub-folders (<see cref="WebOptions.Examples"/>), by its path there ("oxfordshire/scenario.yaml").
/// A name is looked up in that list only, so it can name no other file.
/// </summary>
internal sealed class Examples(WebOptions options)
{
    public IReadOnlyList<string> Names()
    {
        if (options.Examples is not { } folder || !Directory.Exists(folder))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(folder, "*.yaml", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 })
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
    }

    /// <summary>The example's text as a scenario, or null when there is no example of that name.</summary>
    public ScenarioText? Read(string name)
    {
        if (!Names().Contains(name, StringComparer.Ordinal))
        {
            return null;
        }
        var bytes = File.ReadAllBytes(Path.Combine(options.Examples!, name));
        return bytes.Length > ScenarioText.MaxBytes ? null : new ScenarioText(bytes, name);
    }
}
