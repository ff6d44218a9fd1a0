using System.Globalization;
using Bedflow.Data.Register;
using Microsoft.Extensions.Logging;

namespace Bedflow.Web.Logging;

/// <summary>
/// Logs as lines of text to a writer (the command's standard error): "time level category: message",
/// with the exception's type, message and stack below. Every line is masked of anything that stands
/// apart as an NHS number, whatever logged it. Thread-safe: lines never interleave.
/// </summary>
public sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new WriterLogger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(NhsNumber.RedactMessage(line));
            writer.Flush();
        }
    }

    private sealed class WriterLogger(WriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            string level = logLevel switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
            string time = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            provider.Write($"{time} {level} {category}: {formatter(state, exception)}" + (exception is null ? "" : Environment.NewLine + exception));
        }
    }
}
