using Monitor.Load;

// Drives a running app over HTTP with virtual users (see LoadOptions.Usage) and prints p50/p95/p99 per route.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var run = await LoadRun.RunAsync(options, Console.Out, cancel.Token);
    var table = ResultTable.Write(run);
    Console.WriteLine();
    Console.WriteLine(table);
    if (options.Out is { } path)
    {
        await File.WriteAllTextAsync(path, table, cancel.Token);
        Console.WriteLine($"written to {Path.GetFullPath(path)}");
    }

    return 0;
}
catch (Exception ex) when (ex is LoadException or HttpRequestException)
{
    Console.Error.WriteLine($"load: {ex.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("load: stopped");
    return 130;
}
