namespace Monitor.Core.Meetings;

/// <summary>A reflection link that does not exist, was revoked or has expired; the message is Dutch and safe to show.</summary>
public sealed class ReflectionLinkException : Exception
{
    public ReflectionLinkException()
    {
    }

    public ReflectionLinkException(string message) : base(message)
    {
    }

    public ReflectionLinkException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
