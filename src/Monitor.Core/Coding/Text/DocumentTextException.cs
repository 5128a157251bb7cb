namespace Monitor.Core.Coding.Text;

/// <summary>An uploaded document could not be turned into text; the message (Dutch) names the file and says why.</summary>
public sealed class DocumentTextException : Exception
{
    public DocumentTextException(string message) : base(message)
    {
    }

    public DocumentTextException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DocumentTextException()
    {
    }
}
