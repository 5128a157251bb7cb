using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Monitor.Core.Interop.Refi;

/// <summary>XML conventions shared by the REFI-QDA readers and writers: namespaces, GUID and date forms, schemas.</summary>
internal static class RefiXml
{
    public const string ProjectNamespacePrefix = "urn:QDA-XML:project:";
    public const string CodebookNamespacePrefix = "urn:QDA-XML:codebook:";
    public static readonly XNamespace ProjectNamespace = ProjectNamespacePrefix + "1.0";
    public static readonly XNamespace CodebookNamespace = CodebookNamespacePrefix + "1.0";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // The schema accepts either case; upper case is what the spec's own examples (Annex A) and most tools write.
    public static string Format(Guid guid) => guid.ToString("D").ToUpperInvariant();

    // xsd:dateTime in UTC with Z; fractions only when present, so whole seconds read like the spec's examples.
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static Guid ParseGuid(string value) => Guid.Parse(value.Trim());

    public static Guid? GuidAttribute(XElement element, string name) =>
        element.Attribute(name) is { } attribute ? ParseGuid(attribute.Value) : null;

    public static DateTimeOffset? DateTimeAttribute(XElement element, string name) =>
        element.Attribute(name) is { } attribute ? ParseDateTime(attribute.Value) : null;

    /// <summary>An xsd:dateTime without a zone is taken as UTC; the result is always in UTC.</summary>
    public static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            .ToUniversalTime();

    /// <summary>UTF-8 without BOM, LF line ends; a CR inside text is written as &amp;#xD; so that it survives parsing.</summary>
    public static byte[] Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = Utf8NoBom,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses with line information and without DTDs or external resolution.</summary>
    /// <exception cref="XmlException">Not well-formed XML.</exception>
    public static XDocument Load(byte[] xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
    }

    /// <summary>
    /// Moves every element whose namespace starts with <paramref name="prefix"/> (any version) or has no
    /// namespace into <paramref name="target"/>, so that files declaring e.g. <c>:1.1</c> validate against 1.0.
    /// </summary>
    public static void RewriteNamespace(XDocument document, string prefix, XNamespace target)
    {
        foreach (var element in document.Descendants())
        {
            var current = element.Name.NamespaceName;
            if (current.Length == 0 || current.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                element.Name = target + element.Name.LocalName;
            }

            element.Attributes()
                .Where(a => a.IsNamespaceDeclaration && a.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Remove();
        }
    }

    // Containers the schema wants non-empty but that carry nothing: Taguette writes <Sets/> in every codebook.
    private static readonly string[] _optionalContainers = ["Sets", "Users", "Variables", "Cases", "Notes", "Links", "Graphs"];

    /// <summary>Removes empty optional containers (lenient on elements that carry no data).</summary>
    public static void RemoveEmptyContainers(XDocument document)
    {
        document.Root?.Elements()
            .Where(e => _optionalContainers.Contains(e.Name.LocalName) && !e.HasElements)
            .ToList()
            .ForEach(e => e.Remove());
    }

    /// <summary>Schema errors as "regel N: message", in document order.</summary>
    public static IReadOnlyList<string> Validate(XDocument document, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        document.Validate(schemas, (sender, e) =>
        {
            var line = sender is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : e.Exception?.LineNumber ?? 0;
            errors.Add($"regel {line}: {e.Message}");
        });
        return errors;
    }

    /// <summary>
    /// Parses an imported file, moves it into the 1.0 namespace and validates it; errors name
    /// <paramref name="label"/> and the line in the file as it was uploaded.
    /// </summary>
    /// <exception cref="RefiImportException">Not well-formed or not valid (Dutch message).</exception>
    public static XDocument LoadForImport(byte[] xml, string label, string namespacePrefix, XNamespace target, XmlSchemaSet schemas)
    {
        XDocument document;
        try
        {
            document = Load(xml);
        }
        catch (XmlException e)
        {
            throw new RefiImportException(Describe(label, e), e);
        }

        RewriteNamespace(document, namespacePrefix, target);
        RemoveEmptyContainers(document);
        var errors = Validate(document, schemas);
        if (errors.Count > 0)
        {
            const int Shown = 5;
            var more = errors.Count > Shown ? $" (en nog {errors.Count - Shown} fouten)" : "";
            throw new RefiImportException($"{label} voldoet niet aan het schema: {string.Join("; ", errors.Take(Shown))}{more}");
        }

        return document;
    }

    /// <summary>An XML error in Dutch, with the place only when the parser knows it.</summary>
    public static string Describe(string label, XmlException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var where = error.LineNumber > 0 ? $" (regel {error.LineNumber}, positie {error.LinePosition})" : "";
        if (error.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return $"{label} bevat een DTD (<!DOCTYPE …>){where}. Die wordt om veiligheidsredenen niet gelezen; REFI-QDA-bestanden hebben er geen nodig. " +
                "Exporteer het bestand opnieuw, of haal de regel met <!DOCTYPE weg.";
        }

        return $"{label} is geen geldige XML{where}. Controleer of het bestand volledig is overgekomen en door een QDA-programma is gemaakt. " +
            $"Melding van de XML-lezer: {error.Message}";
    }

    public static XmlSchemaSet ProjectSchema() => LoadSchema("Project.xsd");

    public static XmlSchemaSet CodebookSchema() => LoadSchema("Codebook.xsd");

    // A fresh set per call: XmlSchemaSet is not documented as safe for concurrent use, and compiling takes milliseconds.
    private static XmlSchemaSet LoadSchema(string fileName)
    {
        var resourceName = "Monitor.Core.Interop.Refi.Schemas." + fileName;
        using var stream = typeof(RefiXml).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded schema {resourceName} is missing.");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }
}
