using System.Text.RegularExpressions;

namespace Monitor.Core.Reports.Templates;

/// <summary>
/// Reads a template line by line. A placeholder is "{{" up to the next "}}" on the same line; every "{{"
/// starts one, also inside code blocks and code spans (there is no escape). Blocks, "{{#als}}" and
/// "{{/als}}" stand on a line of their own; values and comments may stand anywhere in a line.
/// </summary>
internal sealed partial class TemplateParser
{
    private readonly List<TemplateError> _errors = [];
    private readonly List<Placeholder> _placeholders = [];
    private readonly List<string> _written = [];
    private int _tokenCount;

    private enum TokenKind
    {
        Comment,
        Value,
        Block,
        Open,
        Close,
        Invalid,
    }

    public static ParsedTemplate Parse(string markdown)
    {
        if (markdown.Length > ReportTemplate.MaxLength)
        {
            throw new TemplateException(
                [new TemplateError(0, "", $"Het sjabloon is te lang: {markdown.Length} tekens, hoogstens {ReportTemplate.MaxLength}.")]);
        }

        var parser = new TemplateParser();
        var nodes = parser.ParseLines(markdown.ReplaceLineEndings("\n").Split('\n'));
        if (parser._tokenCount > ReportTemplate.MaxPlaceholders)
        {
            throw new TemplateException(
                [new TemplateError(0, "", $"Het sjabloon bevat {parser._tokenCount} plaatshouders, hoogstens {ReportTemplate.MaxPlaceholders}.")]);
        }

        if (parser._errors.Count > 0)
        {
            throw new TemplateException([.. parser._errors.OrderBy(error => error.Line)]);
        }

        return new ParsedTemplate(nodes, parser._placeholders, parser._written);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(\\.[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    private List<TemplateNode> ParseLines(string[] lines)
    {
        var root = new List<TemplateNode>();
        var open = new Stack<Section>();
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var current = open.Count > 0 ? open.Peek().Children : root;
            var (parts, tokens) = Scan(lines[i], lineNumber);
            if (tokens.Count == 0)
            {
                current.Add(new TextNode(lineNumber, parts));
                continue;
            }

            var structural = tokens.Where(token => token.Kind is TokenKind.Block or TokenKind.Open or TokenKind.Close).ToList();
            if (structural.Count == 0)
            {
                var onlyComments = tokens.All(token => token.Kind == TokenKind.Comment) && parts.All(part => string.IsNullOrWhiteSpace(part.Text));
                if (!onlyComments)
                {
                    current.Add(new TextNode(lineNumber, parts));
                }

                continue;
            }

            var alone = structural.Count == 1
                && tokens.All(token => token.Kind == TokenKind.Comment || ReferenceEquals(token, structural[0]))
                && parts.All(part => !part.IsValue && string.IsNullOrWhiteSpace(part.Text));
            if (!alone)
            {
                foreach (var token in structural)
                {
                    Error(lineNumber, token.Written, "Deze plaatshouder moet alleen op een eigen regel staan");
                }

                continue;
            }

            var single = structural[0];
            switch (single.Kind)
            {
                case TokenKind.Block:
                    current.Add(new BlockNode(lineNumber, single.Placeholder, single.Key));
                    break;
                case TokenKind.Open:
                    open.Push(new Section(lineNumber, single.Key, single.Written, []));
                    break;
                case TokenKind.Close when open.Count == 0:
                    Error(lineNumber, single.Written, "{{/als}} zonder {{#als}}");
                    break;
                case TokenKind.Close:
                    var section = open.Pop();
                    var parent = open.Count > 0 ? open.Peek().Children : root;
                    parent.Add(new ConditionalNode(section.Line, section.Key, section.Children));
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected token kind {single.Kind}.");
            }
        }

        foreach (var section in open)
        {
            Error(section.Line, section.Written, $"{{{{#als {section.Key}}}}} wordt niet afgesloten");
        }

        return root;
    }

    private (List<TextPart> Parts, List<Token> Tokens) Scan(string line, int lineNumber)
    {
        var parts = new List<TextPart>();
        var tokens = new List<Token>();
        var position = 0;
        while (position < line.Length)
        {
            var start = line.IndexOf("{{", position, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            if (start > position)
            {
                parts.Add(new TextPart(line[position..start], IsValue: false));
            }

            _tokenCount++;
            var end = line.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                var rest = line[start..];
                Error(lineNumber, rest.Length > 60 ? rest[..59] + "…" : rest, "Ongeldige plaatshouder: '}}' ontbreekt (een plaatshouder staat op één regel)");
                position = line.Length;
                break;
            }

            var token = Classify(line[start..(end + 2)], line[(start + 2)..end].Trim(), lineNumber, start + 1);
            if (token.Kind == TokenKind.Value)
            {
                parts.Add(new TextPart(token.Key, IsValue: true));
            }

            tokens.Add(token);
            position = end + 2;
        }

        if (position < line.Length)
        {
            parts.Add(new TextPart(line[position..], IsValue: false));
        }

        return (parts, tokens);
    }

    private Token Classify(string written, string inner, int lineNumber, int column)
    {
        if (inner.StartsWith('!'))
        {
            return new Token(written, TokenKind.Comment, default, "");
        }

        var words = inner.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return Invalid(written, lineNumber, "Ongeldige plaatshouder: leeg");
        }

        if (words[0] == "/als")
        {
            return words.Length == 1
                ? new Token(written, TokenKind.Close, PlaceholderKind.Als, "")
                : Invalid(written, lineNumber, "Ongeldige plaatshouder: {{/als}} heeft geen sleutel");
        }

        if (PlaceholderKeywords.Find(words[0]) is not { } known)
        {
            return Invalid(written, lineNumber, $"Ongeldige plaatshouder: onbekende soort '{words[0]}' (gebruik waarde, tabel, tekst, grafiek, #als of /als)");
        }

        if (words.Length != 2)
        {
            return Invalid(written, lineNumber, $"Ongeldige plaatshouder: schrijf {{{{{words[0]} sleutel}}}}");
        }

        var key = words[1];
        if (!KeyPattern().IsMatch(key))
        {
            return Invalid(written, lineNumber, $"Ongeldige sleutel '{key}': kleine letters en cijfers, delen gescheiden door punten, beginnend met een letter (zoals fasen.voortgang)");
        }

        _placeholders.Add(new Placeholder(known, key, lineNumber, column));
        _written.Add(written);
        var tokenKind = known switch
        {
            PlaceholderKind.Waarde => TokenKind.Value,
            PlaceholderKind.Als => TokenKind.Open,
            _ => TokenKind.Block,
        };
        return new Token(written, tokenKind, known, key);
    }

    private Token Invalid(string written, int lineNumber, string message)
    {
        Error(lineNumber, written, message);
        return new Token(written, TokenKind.Invalid, default, "");
    }

    private void Error(int lineNumber, string written, string message) => _errors.Add(new TemplateError(lineNumber, written, message));

    private sealed record Token(string Written, TokenKind Kind, PlaceholderKind Placeholder, string Key);

    private sealed record Section(int Line, string Key, string Written, List<TemplateNode> Children);
}

/// <summary>The result of <see cref="TemplateParser.Parse"/>: nodes, placeholders, and each placeholder as written.</summary>
internal sealed record ParsedTemplate(IReadOnlyList<TemplateNode> Nodes, IReadOnlyList<Placeholder> Placeholders, IReadOnlyList<string> Written);
