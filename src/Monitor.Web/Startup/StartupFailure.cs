using System.Net.Sockets;
using Monitor.Core.Data;

namespace Monitor.Web.Startup;

/// <summary>Turns the failures a person starting the app can fix into one clear line and an exit code.</summary>
internal static class StartupFailure
{
    public const int ExitCode = 2;

    public static string? Describe(Exception exception, string? urls) => exception switch
    {
        DatabaseStartupException db => db.Message,
        Monitor.Core.Backups.BackupException backup => backup.Message,
        Microsoft.Extensions.Options.OptionsValidationException options => options.Message,
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } or
        IOException when exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
            $"Het adres {urls} is al in gebruik door een ander programma. Stop dat programma of kies een andere poort, " +
            "bijvoorbeeld: dotnet run --project src/Monitor.Web -- --urls http://localhost:5081",
        _ => null,
    };
}
