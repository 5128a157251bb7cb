namespace Monitor.Load;

/// <summary>The app answered something the tool cannot work with (no token on the login page, a refused login, a missing id).</summary>
internal sealed class LoadException : Exception
{
    public LoadException()
    {
    }

    public LoadException(string message)
        : base(message)
    {
    }

    public LoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
