namespace Monitor.Core.Reports.Templates;

/// <summary>
/// Collects rendered lines. Blocks (tables, texts, charts) get a blank line before and after, because a
/// pipe table or list directly after a paragraph line would be read as part of that paragraph.
/// </summary>
internal sealed class MarkdownOutput
{
    private readonly List<string> _lines = [];
    private bool _blankBeforeNext;

    public void Line(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            _blankBeforeNext = false;
        }
        else if (_blankBeforeNext)
        {
            EnsureBlankLine();
            _blankBeforeNext = false;
        }

        _lines.Add(text);
    }

    public void Block(IEnumerable<string> lines)
    {
        EnsureBlankLine();
        _lines.AddRange(lines);
        _blankBeforeNext = true;
    }

    public override string ToString()
    {
        var count = _lines.Count;
        while (count > 0 && string.IsNullOrWhiteSpace(_lines[count - 1]))
        {
            count--;
        }

        return count == 0 ? "" : string.Join('\n', _lines.Take(count)) + "\n";
    }

    private void EnsureBlankLine()
    {
        if (_lines.Count > 0 && !string.IsNullOrWhiteSpace(_lines[^1]))
        {
            _lines.Add("");
        }
    }
}
