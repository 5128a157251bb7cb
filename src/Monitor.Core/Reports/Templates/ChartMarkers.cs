using System.Text;

namespace Monitor.Core.Reports.Templates;

/// <summary>
/// Stands in for charts while the Markdown goes through Markdig (which shows raw HTML as text): each chart
/// becomes a paragraph holding a marker, and the rendered &lt;p&gt;marker&lt;/p&gt; is replaced by the figure.
/// </summary>
internal sealed class ChartMarkers
{
    // Fresh and random per render, so text from the data cannot contain a marker and be replaced.
    private readonly string _token = "grafiek" + Guid.NewGuid().ToString("N");
    private readonly List<ReportChart> _charts = [];

    public string Add(ReportChart chart)
    {
        _charts.Add(chart);
        return Marker(_charts.Count - 1);
    }

    public string Replace(string html)
    {
        var result = new StringBuilder(html);
        for (var i = 0; i < _charts.Count; i++)
        {
            result.Replace($"<p>{Marker(i)}</p>", HtmlReportDocument.Figure(_charts[i]));

            // A chart placeholder inside a fenced code block leaves its marker as code text; drop it there.
            result.Replace(Marker(i), "");
        }

        return result.ToString();
    }

    /// <summary>Replaces each chart's marker in Markdown with what <paramref name="chart"/> writes for it (its index counts from 1).</summary>
    public string ReplaceInMarkdown(string markdown, Func<int, ReportChart, string> chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var result = new StringBuilder(markdown);
        for (var i = 0; i < _charts.Count; i++)
        {
            result.Replace(Marker(i), chart(i + 1, _charts[i]));
        }

        return result.ToString();
    }

    /// <summary>The chart whose marker is exactly <paramref name="text"/> (a paragraph of its own), or null.</summary>
    public ReportChart? Find(string text)
    {
        for (var i = 0; i < _charts.Count; i++)
        {
            if (text == Marker(i))
            {
                return _charts[i];
            }
        }

        return null;
    }

    private string Marker(int index) => $"{_token}n{index}e";
}
