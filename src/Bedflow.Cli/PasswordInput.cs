using System.Text;

namespace Bedflow.Cli;

/// <summary>
/// A password from standard input, never from an argument (arguments are seen by every user of the
/// machine and kept in shell history): typed at a terminal without echo, asked twice; or the first
/// line of piped input.
/// </summary>
internal static class PasswordInput
{
    /// <summary>The password, or null when standard input gave none.</summary>
    public static string? Read(TextReader input, TextWriter error, string name)
    {
        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            error.Write($"Password for {name}: ");
            error.Flush();
            string first = ReadHidden();
            error.Write("The same again: ");
            error.Flush();
            string second = ReadHidden();
            if (first != second)
            {
                error.WriteLine("bedflow: the two passwords differ; nothing was changed.");
                return null;
            }
            return first;
        }
        return input.ReadLine();
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
                continue;
            }
            if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
