using System.CommandLine;

namespace Bedflow.Cli;

/// <summary>The `bedflow` command: wiring of subcommands, argument errors as exit code 2.</summary>
internal static class BedflowApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, TextReader.Null, output, error);

    /// <summary>As above, with standard input (`users add` reads the password from it).</summary>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        // Every message, from every command, masked of anything that looks like an NHS number.
        using var redacted = new RedactingWriter(error);
        return Invoke(args, input, output, redacted);
    }

    private static int Invoke(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Bedflow: patient flow, delayed transfers of care and their money, for a local health and social care economy.");
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(ValidateCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(RegisterCommand.Create(output, error));
        root.Subcommands.Add(CalibrateCommand.Create(output, error));
        root.Subcommands.Add(BacktestCommand.Create(output, error));
        root.Subcommands.Add(ForecastCommand.Create(output, error));
        root.Subcommands.Add(CouncilCommand.Create(output, error));
        root.Subcommands.Add(OptimiseCommand.Create(output, error));
        root.Subcommands.Add(DemoCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));
        root.Subcommands.Add(UsersCommand.Create(input, output, error));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"bedflow: {e.Message}");
            }
            error.WriteLine("Run 'bedflow --help' to see the commands and their options.");
            return ExitCodes.UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Data.Register.RegisterBusyException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            // The environment failed under a command (a database gone mid-query, a disk full): one line, no stack trace.
            error.WriteLine($"bedflow: {Data.Register.DelayRegister.Describe(e)}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("bedflow: cancelled.");
            return ExitCodes.Failure;
        }
    }
}
