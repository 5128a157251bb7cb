namespace Monitor.Core.Reports.Templates;

/// <summary>A report template cannot be used; the Dutch message lists every error with its line number.</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(IReadOnlyList<TemplateError> errors)
        : base(Describe(errors)) => Errors = errors;

    public TemplateException() : this([])
    {
    }

    public TemplateException(string message) : base(message) => Errors = [new TemplateError(0, "", message)];

    public TemplateException(string message, Exception innerException) : base(message, innerException) =>
        Errors = [new TemplateError(0, "", message)];

    public IReadOnlyList<TemplateError> Errors { get; }

    private static string Describe(IReadOnlyList<TemplateError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var heading = errors.Count == 1 ? "Het rapportsjabloon bevat een fout:" : $"Het rapportsjabloon bevat {errors.Count} fouten:";
        return heading + string.Concat(errors.Select(error => "\n" + error));
    }
}
