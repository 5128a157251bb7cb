namespace Monitor.Core.Reports.Templates;

/// <summary>The kinds of placeholder a report template may hold; the Dutch names are the template keywords.</summary>
public enum PlaceholderKind
{
    /// <summary><c>{{waarde KEY}}</c>: a scalar text, inserted Markdown-escaped.</summary>
    Waarde,

    /// <summary><c>{{tabel KEY}}</c>: a table, written as a Markdown pipe table.</summary>
    Tabel,

    /// <summary><c>{{tekst KEY}}</c>: a Markdown fragment written by the application, inserted as is.</summary>
    Tekst,

    /// <summary><c>{{grafiek KEY}}</c>: a chart (SVG in HTML, title, description and numbers in Markdown).</summary>
    Grafiek,

    /// <summary><c>{{#als KEY}} … {{/als}}</c>: keeps the enclosed lines only when KEY has data.</summary>
    Als,
}
