namespace Monitor.Core.Common;

/// <summary>Input was refused before anything was written.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyList<ValidationError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message))) => Errors = errors;

    public ValidationException() : this([])
    {
    }

    public ValidationException(string message) : base(message) => Errors = [new ValidationError("", message)];

    public ValidationException(string message, Exception innerException) : base(message, innerException) =>
        Errors = [new ValidationError("", message)];

    public IReadOnlyList<ValidationError> Errors { get; }
}
