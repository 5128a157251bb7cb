using Microsoft.Extensions.Options;
using Monitor.Core.Backups;
using Monitor.Core.Data;
using Monitor.Core;

namespace Monitor.Worker;

/// <summary>
/// Entry point of the standalone worker. An explicit class (not top-level statements) so that the web app,
/// which references this assembly to host the same jobs, keeps the only global Program type.
/// </summary>
internal static class WorkerProgram
{
    public static async Task<int> Main(string[] args)
    {
        // "herstel <back-up>": put a backup back (only while the web app and the worker are stopped). The two
        // words are taken off before the host reads the rest: a path starting with "/" would read as a switch.
        var restore = args is ["herstel", var file, ..] ? file : null;
        // "rapport <project-slug> voortgang|procesevaluatie": one report snapshot, as the monthly job makes it
        var report = args is ["rapport", var slug, var kind, ..] ? (slug, kind) : ((string, string)?)null;
        using var host = WorkerHost.Build(restore is not null || report is not null ? args[(restore is null ? 3 : 2)..] : args);
        if (report is { } r)
        {
            try
            {
                return await ReportCommand.RunAsync(host.Services, r.Item1, r.Item2, Console.Out, Console.Error);
            }
            catch (Exception exception) when (exception is DatabaseStartupException or OptionsValidationException)
            {
                await Console.Error.WriteLineAsync(exception.Message);
                return 2;
            }
        }

        if (restore is { } backup)
        {
            var database = host.Services.GetRequiredService<IOptions<MonitorOptions>>().Value.DatabasePath;
            try
            {
                await BackupService.RestoreAsync(Path.GetFullPath(backup), Path.GetFullPath(database));
                Console.WriteLine($"Hersteld: {Path.GetFullPath(database)} (het vorige bestand staat ernaast als .voor-herstel).");
                return 0;
            }
            catch (Exception exception) when (exception is BackupException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Herstellen is mislukt: {exception.Message}");
                return 2;
            }
        }

        try
        {
            await host.RunAsync();
            return 0;
        }
        catch (Exception exception) when (exception is DatabaseStartupException or OptionsValidationException or BackupException)
        {
            // A problem the operator can fix: one clear line, no stack trace.
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
    }
}
