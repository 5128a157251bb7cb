namespace Monitor.Core.Reports.Templates;

/// <summary>What the application fills in for one report, one dictionary per placeholder kind, keyed as in the template.</summary>
public sealed class ReportData
{
    /// <summary>Scalar texts for <c>{{waarde KEY}}</c> (plain text).</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Tables for <c>{{tabel KEY}}</c>.</summary>
    public Dictionary<string, ReportTable> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>Safe Markdown fragments for <c>{{tekst KEY}}</c>, written by the application.</summary>
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>Charts for <c>{{grafiek KEY}}</c>.</summary>
    public Dictionary<string, ReportChart> Charts { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="key"/> has data in any kind: a value or text that is not blank, a table or
    /// chart with rows. This is what <c>{{#als KEY}}</c> tests.
    /// </summary>
    public bool HasData(string key) =>
        HasValue(key) || HasText(key) || HasTable(key) || HasChart(key);

    /// <summary>The keys filled in, per kind, in the shape <see cref="ReportTemplate.Validate"/> takes.</summary>
    public IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> Keys() => new Dictionary<PlaceholderKind, IReadOnlySet<string>>
    {
        [PlaceholderKind.Waarde] = Values.Keys.ToHashSet(StringComparer.Ordinal),
        [PlaceholderKind.Tabel] = Tables.Keys.ToHashSet(StringComparer.Ordinal),
        [PlaceholderKind.Tekst] = Texts.Keys.ToHashSet(StringComparer.Ordinal),
        [PlaceholderKind.Grafiek] = Charts.Keys.ToHashSet(StringComparer.Ordinal),
    };

    internal bool HasValue(string key) => Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value);

    internal bool HasText(string key) => Texts.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text);

    internal bool HasTable(string key) => Tables.TryGetValue(key, out var table) && table.Rows.Count > 0;

    internal bool HasChart(string key) => Charts.TryGetValue(key, out var chart) && chart.Data.Rows.Count > 0;
}
