namespace Monitor.Core.Reports.Templates;

/// <summary>
/// A fault in a template: the 1-based line (0 for the template as a whole), the placeholder as written
/// (empty when there is none) and a Dutch message.
/// </summary>
public sealed record TemplateError(int Line, string Placeholder, string Message)
{
    /// <summary>"regel 12: {{tabel fasen.x}}: Onbekende plaatshouder 'tabel fasen.x'".</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"regel {Line}: " : "";
        var what = Placeholder.Length > 0 ? $"{Placeholder}: " : "";
        return where + what + Message;
    }
}
