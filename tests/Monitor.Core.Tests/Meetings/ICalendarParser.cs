using System.Text;

namespace Monitor.Core.Tests.Meetings;

/// <summary>
/// Just enough of an RFC 5545 reader to check the writer's output independently: unfolds lines, splits
/// them into name, parameters and value (quoted parameter values may hold ':' ';' ','), and unescapes TEXT.
/// </summary>
internal static class ICalendarParser
{
    public sealed record ContentLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
    {
        public string Text => Unescape(Value);
    }

    /// <summary>Joins continuation lines (CRLF followed by one space or tab) and splits at the remaining CRLFs.</summary>
    public static List<string> Unfold(string calendar)
    {
        var unfolded = new StringBuilder(calendar.Length);
        for (var i = 0; i < calendar.Length; i++)
        {
            if (calendar[i] == '\r' && i + 2 < calendar.Length && calendar[i + 1] == '\n' && calendar[i + 2] is ' ' or '\t')
            {
                i += 2;
                continue;
            }

            unfolded.Append(calendar[i]);
        }

        var lines = unfolded.ToString().Split("\r\n").ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    public static ContentLine ParseLine(string line)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        int i;
        for (i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
                current.Append(c);
            }
            else if (!quoted && c == ';')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else if (!quoted && c == ':')
            {
                break;
            }
            else
            {
                current.Append(c);
            }
        }

        if (i == line.Length)
        {
            throw new FormatException($"No ':' in content line '{line}'.");
        }

        parts.Add(current.ToString());
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            parameters[parameter[..equals]] = parameter[(equals + 1)..].Trim('"');
        }

        return new ContentLine(parts[0].ToUpperInvariant(), parameters, line[(i + 1)..]);
    }

    public static List<ContentLine> Parse(string calendar) => [.. Unfold(calendar).Select(ParseLine)];

    /// <summary>The content lines inside each BEGIN:<paramref name="component"/> … END:<paramref name="component"/>, nested components included.</summary>
    public static List<List<ContentLine>> Components(string calendar, string component)
    {
        var found = new List<List<ContentLine>>();
        List<ContentLine>? open = null;
        foreach (var line in Parse(calendar))
        {
            if (line.Name == "BEGIN" && line.Value == component)
            {
                open = [];
            }
            else if (line.Name == "END" && line.Value == component && open is not null)
            {
                found.Add(open);
                open = null;
            }
            else
            {
                open?.Add(line);
            }
        }

        return found;
    }

    public static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    public static ContentLine Get(this List<ContentLine> lines, string name) => lines.Single(line => line.Name == name);

    public static ContentLine? Find(this List<ContentLine> lines, string name) => lines.SingleOrDefault(line => line.Name == name);
}
