using Microsoft.Extensions.Options;
using Monitor.Core.Storage;
using Monitor.Worker;

using var host = WorkerHost.Build(args);
try
{
    await host.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is DatabaseStartupException or OptionsValidationException)
{
    // A problem the operator can fix: one clear line, no stack trace.
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}
