using Bedflow.Cli;

return BedflowApp.Run(args, Console.Out, Console.Error);
