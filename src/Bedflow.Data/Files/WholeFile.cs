using System.Text;

namespace Bedflow.Data.Files;

/// <summary>
/// A file written whole or not at all: the content goes to a file beside the target, then is moved
/// over it, so a reader never sees half of it and a failed write leaves nothing behind.
/// </summary>
public static class WholeFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> whole.</summary>
    public static void Write(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        string temporary = path + ".partial";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // gone already when moved; a failed write leaves nothing behind
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> whole, as UTF-8 without a byte-order mark.</summary>
    public static void Write(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, new UTF8Encoding(false).GetBytes(text));
    }
}
