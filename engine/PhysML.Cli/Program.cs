using PhysML.Cli;

return PhysMLCommandLine.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
