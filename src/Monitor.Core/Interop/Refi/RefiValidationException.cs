namespace Monitor.Core.Interop.Refi;

/// <summary>
/// An export was refused before anything was written: the XML does not match the REFI-QDA schema
/// (errors carry line numbers) or the model refers to things it does not contain. Dutch message.
/// </summary>
public sealed class RefiValidationException : Exception
{
    public RefiValidationException(IReadOnlyList<string> errors)
        : base("De REFI-QDA-export is ongeldig: " + string.Join("; ", errors)) => Errors = errors;

    public RefiValidationException(string message) : base(message) => Errors = [message];

    public RefiValidationException(string message, Exception innerException) : base(message, innerException) =>
        Errors = [message];

    public RefiValidationException() : this([])
    {
    }

    /// <summary>The individual errors, each in the form "regel N: ..." for schema errors.</summary>
    public IReadOnlyList<string> Errors { get; }
}
