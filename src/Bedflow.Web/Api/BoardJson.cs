using System.Text.Json.Serialization;

namespace Bedflow.Web.Api;

/// <summary>
/// The source-generated serializer of the board's documents — figures and runs (snake_case keys; a
/// null property left out) — added to the app's JSON options by <see cref="Hosting.BoardWiring"/>.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SitRepFiguresDocument))]
[JsonSerializable(typeof(BenchmarkFiguresDocument))]
[JsonSerializable(typeof(TrendFiguresDocument))]
[JsonSerializable(typeof(Runs.RunRecord))]
[JsonSerializable(typeof(RunsPageDocument))]
[JsonSerializable(typeof(ScenarioProblemDocument[]))]
[JsonSerializable(typeof(AppraisalDocument))]
internal sealed partial class BoardJson : JsonSerializerContext;
