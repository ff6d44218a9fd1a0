using System.Text;
using Bedflow.Data.Register;

namespace Bedflow.Cli;

/// <summary>
/// The standard error of every command: each line passes through <see cref="NhsNumber.RedactMessage"/>
/// before it is written, so no message can echo an NHS number, whatever option or value it was
/// typed into (a council code, a file name, a scenario key). Lines are held until they end (or a
/// progress line returns to its start), so a number written in pieces is masked whole. Standard output (results, JSON) is not touched.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        _line.Append(value);
        // A progress line rewritten in place ends with a carriage return: it is shown as it comes.
        if (value is '\n' or '\r')
        {
            Emit();
        }
    }

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }
        foreach (char c in value)
        {
            Write(c);
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
        Emit();
        inner.Flush();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Emit();
            inner.Flush();
        }
        base.Dispose(disposing);
    }

    private void Emit()
    {
        if (_line.Length > 0)
        {
            inner.Write(NhsNumber.RedactMessage(_line.ToString()));
            _line.Clear();
        }
    }
}
