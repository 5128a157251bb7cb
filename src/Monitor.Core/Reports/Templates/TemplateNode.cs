namespace Monitor.Core.Reports.Templates;

/// <summary>A parsed template: lines of text with values, stand-alone blocks, and conditional sections.</summary>
internal abstract record TemplateNode(int Line);

/// <summary>A template line: literal text and <c>{{waarde}}</c> keys, in order (comments already removed).</summary>
internal sealed record TextNode(int Line, IReadOnlyList<TextPart> Parts) : TemplateNode(Line);

/// <summary>Literal text, or the key of a value when <paramref name="IsValue"/> is set.</summary>
internal sealed record TextPart(string Text, bool IsValue);

/// <summary>A <c>{{tabel}}</c>, <c>{{tekst}}</c> or <c>{{grafiek}}</c> placeholder on a line of its own.</summary>
internal sealed record BlockNode(int Line, PlaceholderKind Kind, string Key) : TemplateNode(Line);

/// <summary>A <c>{{#als KEY}} … {{/als}}</c> section.</summary>
internal sealed record ConditionalNode(int Line, string Key, IReadOnlyList<TemplateNode> Children) : TemplateNode(Line);
