using System.Text;

namespace Monitor.Core.Coding.Text;

/// <summary>
/// Paragraph units for segment-level agreement: maximal runs of lines separated by one or more blank lines
/// (empty or whitespace only). A range runs from the start of its first line to the end of its last line, without
/// the newline after it; offsets are code points.
/// </summary>
public static class Paragraphs
{
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<TextSpan>();
        var paragraphStart = -1;
        var paragraphEnd = -1;
        var lineStart = 0;
        var lineBlank = true;
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                EndLine(position);
                lineStart = position + 1;
                lineBlank = true;
            }
            else if (!Rune.IsWhiteSpace(rune))
            {
                lineBlank = false;
            }

            position++;
        }

        EndLine(position);
        if (paragraphStart >= 0)
        {
            paragraphs.Add(new TextSpan(paragraphStart, paragraphEnd));
        }

        return paragraphs;

        void EndLine(int lineEnd)
        {
            if (!lineBlank)
            {
                if (paragraphStart < 0)
                {
                    paragraphStart = lineStart;
                }

                paragraphEnd = lineEnd;
            }
            else if (paragraphStart >= 0)
            {
                paragraphs.Add(new TextSpan(paragraphStart, paragraphEnd));
                paragraphStart = -1;
            }
        }
    }
}
