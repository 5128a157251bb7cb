using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Interop.Refi;

/// <summary>
/// Turns a validated <c>project.qde</c> (already moved into the 1.0 namespace) into the model. Keeps what the
/// model can hold, counts the rest in the report, and refuses broken references that would corrupt the coding.
/// </summary>
internal sealed class RefiProjectParser(RefiArchive archive, RefiImportReportBuilder report)
{
    private const string NotTextReason = "alleen tekstbronnen worden ingelezen";
    private const string InDroppedSourceReason = "hoort bij een bron die niet wordt ingelezen";
    private const string NoteRefReason = "alleen notities bij selecties worden ingelezen";

    private static readonly XNamespace _ns = RefiXml.ProjectNamespace;

    private readonly HashSet<Guid> _codes = [];
    private readonly HashSet<Guid> _variables = [];
    private readonly HashSet<Guid> _notes = [];
    private readonly HashSet<Guid> _sources = [];

    public static readonly string[] MainElementTypes =
        ["User", "Code", "Variable", "Case", "TextSource", "PlainTextSelection", "Coding", "Note"];

    public RefiProject Parse(XElement root)
    {
        var users = new List<RefiUser>();
        foreach (var user in Children(root, "Users", "User"))
        {
            users.Add(new RefiUser(Guid(user, "guid"), (string?)user.Attribute("name") ?? ""));
            report.Keep("User");
        }

        var codes = Children(root, "CodeBook", "Codes")
            .SelectMany(c => c.Elements(_ns + "Code"))
            .Select(c => RefiCodeXml.Read(c, _ns, OnCode))
            .ToList();

        var variables = new List<RefiVariable>();
        foreach (var variable in Children(root, "Variables", "Variable"))
        {
            var guid = Guid(variable, "guid");
            _variables.Add(guid);
            variables.Add(new RefiVariable(
                guid,
                variable.Attribute("name")!.Value,
                Enum.Parse<RefiVariableType>(variable.Attribute("typeOfVariable")!.Value.Trim()),
                variable.Element(_ns + "Description")?.Value));
            report.Keep("Variable");
        }

        var notes = Children(root, "Notes", "Note").Select(ReadNote).OfType<RefiNote>().ToList();

        var sources = new List<RefiTextSource>();
        foreach (var source in root.Element(_ns + "Sources")?.Elements() ?? [])
        {
            if (source.Name == _ns + "TextSource" && ReadTextSource(source) is { } textSource)
            {
                sources.Add(textSource);
            }
            else if (source.Name != _ns + "TextSource")
            {
                DropWithContent(source, NotTextReason);
            }
        }

        var cases = Children(root, "Cases", "Case").Select(ReadCase).ToList();

        report.Drop("Link", "koppelingen worden niet ingelezen", Children(root, "Links", "Link").Count());
        var sets = Children(root, "Sets", "Set").Select(ReadSet).ToList();
        report.Drop("Graph", "grafen worden niet ingelezen", Children(root, "Graphs", "Graph").Count());
        report.Drop("NoteRef", NoteRefReason, root.Elements(_ns + "NoteRef").Count());

        return new RefiProject(
            root.Attribute("name")!.Value,
            (string?)root.Attribute("origin") ?? "",
            RefiXml.DateTimeAttribute(root, "creationDateTime"),
            users,
            codes,
            variables,
            cases,
            sources,
            notes,
            root.Element(_ns + "Description")?.Value,
            sets);
    }

    private RefiSet ReadSet(XElement set)
    {
        report.Drop("MemberNote", "notities in een set worden niet ingelezen", set.Elements(_ns + "MemberNote").Count());
        report.Keep("Set");
        return new RefiSet(
            Guid(set, "guid"),
            (string?)set.Attribute("name") ?? "",
            set.Element(_ns + "Description")?.Value,
            set.Elements(_ns + "MemberCode").Select(m => Guid(m, "targetGUID")).Where(_codes.Contains).ToList(),
            set.Elements(_ns + "MemberSource").Select(m => Guid(m, "targetGUID")).Where(_sources.Contains).ToList());
    }

    private void OnCode(XElement element, RefiCode code)
    {
        if (!_codes.Add(code.Guid))
        {
            throw new RefiImportException($"Code-GUID {RefiXml.Format(code.Guid)} komt meer dan eens voor in het codeboek");
        }

        report.Keep("Code");
        report.Drop("NoteRef", NoteRefReason, element.Elements(_ns + "NoteRef").Count());
    }

    private RefiNote? ReadNote(XElement note)
    {
        var name = (string?)note.Attribute("name") ?? "";
        var text = ReadText(note, $"Note '{name}'");
        if (text is null)
        {
            report.Drop("Note", "notitie zonder tekst");
            return null;
        }

        report.Drop("PlainTextSelection", "selecties in notities worden niet ingelezen", note.Elements(_ns + "PlainTextSelection").Count());
        report.Drop("Coding", "coderingen in notities worden niet ingelezen", note.Descendants(_ns + "Coding").Count());
        var guid = Guid(note, "guid");
        _notes.Add(guid);
        report.Keep("Note");
        return new RefiNote(guid, name, text, RefiXml.GuidAttribute(note, "creatingUser"), RefiXml.DateTimeAttribute(note, "creationDateTime"));
    }

    private RefiTextSource? ReadTextSource(XElement source)
    {
        var name = (string?)source.Attribute("name") ?? "";
        var text = ReadText(source, $"TextSource '{name}'");
        if (text is null)
        {
            DropWithContent(source, "bron zonder platte tekst (plainTextPath of PlainTextContent)");
            return null;
        }

        // The widest reading of positions (UTF-16 units); the import detects which convention the file used.
        var length = text.Length;
        var selections = source.Elements(_ns + "PlainTextSelection").Select(s => ReadSelection(s, name, text, length)).ToList();
        report.Drop("Coding", "coderingen van een hele bron worden niet ingelezen", source.Elements(_ns + "Coding").Count());
        report.Drop("NoteRef", NoteRefReason, source.Elements(_ns + "NoteRef").Count());
        var guid = Guid(source, "guid");
        _sources.Add(guid);
        report.Keep("TextSource");
        return new RefiTextSource(
            guid,
            name,
            text,
            RefiXml.GuidAttribute(source, "creatingUser"),
            RefiXml.DateTimeAttribute(source, "creationDateTime"),
            selections,
            ReadValues(source),
            source.Element(_ns + "Description")?.Value);
    }

    private RefiSelection ReadSelection(XElement selection, string sourceName, string sourceText, int length)
    {
        var guidText = selection.Attribute("guid")!.Value.Trim();
        var start = Position(selection, "startPosition");
        var end = Position(selection, "endPosition");
        if (start is null || end is null || start < 0 || end < start || end > length)
        {
            throw new RefiImportException(
                $"PlainTextSelection {guidText} in TextSource '{sourceName}' ligt buiten de tekst " +
                $"({selection.Attribute("startPosition")!.Value}–{selection.Attribute("endPosition")!.Value}, de tekst telt {CodePointText.Length(sourceText)} tekens)");
        }

        var codings = new List<RefiCoding>();
        foreach (var coding in selection.Elements(_ns + "Coding"))
        {
            var code = Guid(coding.Element(_ns + "CodeRef")!, "targetGUID");
            if (!_codes.Contains(code))
            {
                throw new RefiImportException(
                    $"Coding {coding.Attribute("guid")!.Value.Trim()} in PlainTextSelection {guidText} verwijst naar code " +
                    $"{RefiXml.Format(code)}, die niet in het codeboek staat");
            }

            report.Drop("NoteRef", NoteRefReason, coding.Elements(_ns + "NoteRef").Count());
            codings.Add(new RefiCoding(Guid(coding, "guid"), code, RefiXml.GuidAttribute(coding, "creatingUser"), RefiXml.DateTimeAttribute(coding, "creationDateTime")));
            report.Keep("Coding");
        }

        var noteRefs = new List<Guid>();
        foreach (var noteRef in selection.Elements(_ns + "NoteRef").Select(n => Guid(n, "targetGUID")))
        {
            if (_notes.Contains(noteRef))
            {
                noteRefs.Add(noteRef);
                report.Keep("NoteRef");
            }
            else
            {
                report.Drop("NoteRef", "verwijst naar een notitie die er niet is");
            }
        }

        report.Keep("PlainTextSelection");
        return new RefiSelection(
            RefiXml.ParseGuid(guidText),
            (string?)selection.Attribute("name"),
            (int)start,
            (int)end,
            RefiXml.GuidAttribute(selection, "creatingUser"),
            RefiXml.DateTimeAttribute(selection, "creationDateTime"),
            selection.Element(_ns + "Description")?.Value,
            codings,
            noteRefs);
    }

    private RefiCase ReadCase(XElement @case)
    {
        report.Drop("CodeRef", "codes bij een casus worden niet ingelezen", @case.Elements(_ns + "CodeRef").Count());
        report.Drop("SelectionRef", "selecties bij een casus worden niet ingelezen", @case.Elements(_ns + "SelectionRef").Count());
        var sourceRefs = new List<Guid>();
        foreach (var sourceRef in @case.Elements(_ns + "SourceRef").Select(s => Guid(s, "targetGUID")))
        {
            if (_sources.Contains(sourceRef))
            {
                sourceRefs.Add(sourceRef);
                report.Keep("SourceRef");
            }
            else
            {
                report.Drop("SourceRef", "verwijst naar een bron die niet is ingelezen");
            }
        }

        report.Keep("Case");
        return new RefiCase(
            Guid(@case, "guid"),
            (string?)@case.Attribute("name") ?? "",
            @case.Element(_ns + "Description")?.Value,
            ReadValues(@case),
            sourceRefs);
    }

    private List<RefiVariableValue> ReadValues(XElement owner)
    {
        var values = new List<RefiVariableValue>();
        foreach (var value in owner.Elements(_ns + "VariableValue"))
        {
            var variable = Guid(value.Element(_ns + "VariableRef")!, "targetGUID");
            var content = value.Elements().FirstOrDefault(e => e.Name != _ns + "VariableRef");
            if (!_variables.Contains(variable))
            {
                report.Drop("VariableValue", "verwijst naar een onbekende variabele");
            }
            else if (content is null)
            {
                report.Drop("VariableValue", "waarde ontbreekt");
            }
            else
            {
                values.Add(new RefiVariableValue(variable, ValueText(content)));
                report.Keep("VariableValue");
            }
        }

        return values;
    }

    // Brings the lexical variants the schema allows to the one form the model documents.
    private static string ValueText(XElement content) => content.Name.LocalName switch
    {
        "BooleanValue" => XmlConvert.ToBoolean(content.Value.Trim()) ? "true" : "false",
        "DateValue" => content.Value.Trim()[..10],
        "DateTimeValue" => RefiXml.Format(RefiXml.ParseDateTime(content.Value)),
        "IntegerValue" or "FloatValue" => content.Value.Trim(),
        _ => content.Value,
    };

    private string? ReadText(XElement element, string owner)
    {
        var inline = element.Element(_ns + "PlainTextContent")?.Value;
        var path = (string?)element.Attribute("plainTextPath");
        if (string.IsNullOrWhiteSpace(path))
        {
            return inline;
        }

        var text = archive.TryReadText(path, out var shownPath);
        return text ?? inline ?? throw new RefiImportException($"{owner} verwijst naar {shownPath}, dat ontbreekt in het archief");
    }

    private void DropWithContent(XElement source, string reason)
    {
        report.Drop(source.Name.LocalName, reason);
        foreach (var part in source.Descendants())
        {
            var name = part.Name.LocalName;
            if (name.EndsWith("Selection", StringComparison.Ordinal) || name == "Coding")
            {
                report.Drop(name, InDroppedSourceReason);
            }
        }
    }

    private static IEnumerable<XElement> Children(XElement root, string container, string child) =>
        root.Elements(_ns + container).Elements(_ns + child);

    private static Guid Guid(XElement element, string attribute) => RefiXml.ParseGuid(element.Attribute(attribute)!.Value);

    private static long? Position(XElement selection, string attribute) =>
        long.TryParse(selection.Attribute(attribute)!.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
