namespace Monitor.Core.Data;

/// <summary>
/// The database file cannot be used as it is (corrupt, unreadable, from a newer version, folder
/// not writable). The message is written for the person starting the app: it names the file and
/// says what to do. Nothing has been written to the file when this is thrown.
/// </summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException(string message) : base(message)
    {
    }

    public DatabaseStartupException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DatabaseStartupException()
    {
    }
}
