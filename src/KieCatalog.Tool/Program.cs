using KieCatalog.Tool.Commands;

return await ToolCommands.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
