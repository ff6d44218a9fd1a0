namespace Bedflow.Web.Tests.Browser;

/// <summary>
/// The browser journeys run one at a time: each starts a server and a Chromium, and the Options
/// journey runs a simulation on every core, so side by side on a two-core machine they starve each
/// other past any sensible timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowsersOneAtATime
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser journeys";
}
