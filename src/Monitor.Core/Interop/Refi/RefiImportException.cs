namespace Monitor.Core.Interop.Refi;

/// <summary>A REFI-QDA file could not be read; the Dutch message names the file or element at fault.</summary>
public sealed class RefiImportException : Exception
{
    public RefiImportException(string message) : base(message)
    {
    }

    public RefiImportException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public RefiImportException()
    {
    }
}
