using Bedflow.Cli;

return BedflowApp.Run(args, Console.In, Console.Out, Console.Error);
