using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Monitor.Core.Interop.Refi;

/// <summary>
/// Writes a REFI-QDA project archive (<c>.qdpx</c>): <c>project.qde</c> plus <c>sources/&lt;GUID&gt;.txt</c>
/// (UTF-8 without BOM, text exactly as given). The same model always gives the same bytes.
/// </summary>
public static class QdpxWriter
{
    private static readonly XNamespace _ns = RefiXml.ProjectNamespace;

    /// <summary>
    /// Checks references and validates the XML against the embedded Project.xsd before anything is written to
    /// <paramref name="output"/>, which is left open.
    /// </summary>
    /// <exception cref="RefiValidationException">The model breaks a reference or the schema (Dutch message with line numbers).</exception>
    public static void Write(RefiProject project, Stream output)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(output);

        var problems = RefiModelCheck.Check(project);
        if (problems.Count > 0)
        {
            throw new RefiValidationException(problems);
        }

        var xml = Serialize(BuildDocument(project));
        var errors = RefiXml.Validate(RefiXml.Load(xml), RefiXml.ProjectSchema());
        if (errors.Count > 0)
        {
            throw new RefiValidationException(errors.Select(e => "project.qde " + e).ToList());
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        RefiZip.AddEntry(zip, RefiZip.ProjectEntryName, xml);
        foreach (var source in project.Sources)
        {
            RefiZip.AddEntry(zip, RefiZip.SourceEntryName(source.Guid), RefiXml.Utf8NoBom.GetBytes(source.Text));
        }
    }

    internal static byte[] Serialize(XDocument document)
    {
        try
        {
            return RefiXml.Serialize(document);
        }
        catch (ArgumentException e)
        {
            // XmlWriter refuses characters XML 1.0 cannot hold (most control characters).
            throw new RefiValidationException($"De REFI-QDA-export is ongeldig: een tekst bevat een teken dat XML niet toestaat ({e.Message})", e);
        }
    }

    internal static XDocument BuildDocument(RefiProject project)
    {
        var variableTypes = project.Variables.ToDictionary(v => v.Guid, v => v.Type);
        var root = new XElement(
            _ns + "Project",
            new XAttribute("xmlns", _ns.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", RefiXml.Xsi.NamespaceName),
            new XAttribute(
                RefiXml.Xsi + "schemaLocation",
                $"{_ns.NamespaceName} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"),
            new XAttribute("name", project.Name),
            string.IsNullOrEmpty(project.Origin) ? null : new XAttribute("origin", project.Origin),
            DateAttribute("creationDateTime", project.CreatedUtc),
            Container("Users", project.Users.Select(WriteUser)),
            project.Codes.Count == 0
                ? null
                : new XElement(_ns + "CodeBook", new XElement(_ns + "Codes", project.Codes.Select(c => RefiCodeXml.Write(c, _ns)))),
            Container("Variables", project.Variables.Select(WriteVariable)),
            Container("Cases", project.Cases.Select(c => WriteCase(c, variableTypes))),
            Container("Sources", project.Sources.Select(s => WriteSource(s, variableTypes))),
            Container("Notes", project.Notes.Select(WriteNote)),
            Container("Sets", project.Sets.Select(WriteSet)),
            project.Description is null ? null : new XElement(_ns + "Description", project.Description));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    // Every container in Project.xsd needs at least one child, so an empty list leaves the container out.
    private static XElement? Container(string name, IEnumerable<XElement> children)
    {
        var list = children.ToList();
        return list.Count == 0 ? null : new XElement(_ns + name, list);
    }

    private static XAttribute? GuidAttribute(string name, Guid? guid) =>
        guid is { } value ? new XAttribute(name, RefiXml.Format(value)) : null;

    private static XAttribute? DateAttribute(string name, DateTimeOffset? value) =>
        value is { } date ? new XAttribute(name, RefiXml.Format(date)) : null;

    private static XElement? DescriptionElement(string? description) =>
        description is null ? null : new XElement(_ns + "Description", description);

    private static XElement WriteUser(RefiUser user) =>
        new(_ns + "User", GuidAttribute("guid", user.Guid), new XAttribute("name", user.Name));

    private static XElement WriteVariable(RefiVariable variable) =>
        new(
            _ns + "Variable",
            GuidAttribute("guid", variable.Guid),
            new XAttribute("name", variable.Name),
            new XAttribute("typeOfVariable", variable.Type.ToString()),
            DescriptionElement(variable.Description));

    private static XElement WriteValue(RefiVariableValue value, Dictionary<Guid, RefiVariableType> types)
    {
        var type = types[value.VariableGuid];
        var text = value.Value;
        if (type == RefiVariableType.DateTime
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            text = RefiXml.Format(moment);
        }

        return new XElement(
            _ns + "VariableValue",
            new XElement(_ns + "VariableRef", GuidAttribute("targetGUID", value.VariableGuid)),
            new XElement(_ns + (type + "Value"), text));
    }

    private static XElement WriteCase(RefiCase @case, Dictionary<Guid, RefiVariableType> types) =>
        new(
            _ns + "Case",
            GuidAttribute("guid", @case.Guid),
            new XAttribute("name", @case.Name),
            DescriptionElement(@case.Description),
            @case.Values.Select(v => WriteValue(v, types)),
            @case.SourceRefs.Select(s => new XElement(_ns + "SourceRef", GuidAttribute("targetGUID", s))));

    private static XElement WriteSource(RefiTextSource source, Dictionary<Guid, RefiVariableType> types) =>
        new(
            _ns + "TextSource",
            GuidAttribute("guid", source.Guid),
            new XAttribute("name", source.Name),
            new XAttribute("plainTextPath", RefiZip.InternalPath(source.Guid)),
            GuidAttribute("creatingUser", source.CreatingUser),
            DateAttribute("creationDateTime", source.CreatedUtc),
            DescriptionElement(source.Description),
            source.Selections.Select(WriteSelection),
            source.Values.Select(v => WriteValue(v, types)));

    private static XElement WriteSelection(RefiSelection selection) =>
        new(
            _ns + "PlainTextSelection",
            GuidAttribute("guid", selection.Guid),
            selection.Name is null ? null : new XAttribute("name", selection.Name),
            new XAttribute("startPosition", selection.Start),
            new XAttribute("endPosition", selection.End),
            GuidAttribute("creatingUser", selection.CreatingUser),
            DateAttribute("creationDateTime", selection.CreatedUtc),
            DescriptionElement(selection.Description),
            selection.Codings.Select(coding => new XElement(
                _ns + "Coding",
                GuidAttribute("guid", coding.Guid),
                GuidAttribute("creatingUser", coding.CreatingUser),
                DateAttribute("creationDateTime", coding.CreatedUtc),
                new XElement(_ns + "CodeRef", GuidAttribute("targetGUID", coding.CodeGuid)))),
            selection.NoteRefs.Select(n => new XElement(_ns + "NoteRef", GuidAttribute("targetGUID", n))));

    private static XElement WriteSet(RefiSet set) =>
        new(
            _ns + "Set",
            GuidAttribute("guid", set.Guid),
            new XAttribute("name", set.Name),
            DescriptionElement(set.Description),
            set.MemberCodes.Select(c => new XElement(_ns + "MemberCode", GuidAttribute("targetGUID", c))),
            set.MemberSources.Select(s => new XElement(_ns + "MemberSource", GuidAttribute("targetGUID", s))));

    private static XElement WriteNote(RefiNote note) =>
        new(
            _ns + "Note",
            GuidAttribute("guid", note.Guid),
            new XAttribute("name", note.Name),
            GuidAttribute("creatingUser", note.CreatingUser),
            DateAttribute("creationDateTime", note.CreatedUtc),
            new XElement(_ns + "PlainTextContent", note.Text));
}
