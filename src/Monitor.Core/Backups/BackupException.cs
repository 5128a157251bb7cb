namespace Monitor.Core.Backups;

/// <summary>A backup could not be made or did not verify; the database itself is untouched.</summary>
public sealed class BackupException : Exception
{
    public BackupException(string message) : base(message)
    {
    }

    public BackupException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public BackupException()
    {
    }
}
