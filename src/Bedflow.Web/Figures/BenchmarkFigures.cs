using Bedflow.Data.Register;

namespace Bedflow.Web.Figures;

/// <summary>A council's benchmark and England's over the same months (null when the council is England or England was not imported).</summary>
internal sealed record BenchmarkFigures(Benchmark Council, Benchmark? England);
