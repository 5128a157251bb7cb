using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Monitor.Core.Interop.Refi;
using static Monitor.Core.Tests.Interop.Refi.RefiSamples;

namespace Monitor.Core.Tests.Interop.Refi;

public sealed class QdpxWriterTests
{
    private static readonly XNamespace _ns = "urn:QDA-XML:project:1.0";

    [Test]
    public void WritesProjectQdeAndOneUpperCaseGuidTextFilePerSourceInLowerCaseSourcesFolder()
    {
        using var zip = new ZipArchive(new MemoryStream(Export(Project())), ZipArchiveMode.Read);

        Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[]
        {
            "project.qde",
            "sources/3B000000-0000-4000-8000-000000000001.txt",
            "sources/3B000000-0000-4000-8000-000000000002.txt",
            "sources/3B000000-0000-4000-8000-000000000003.txt",
        }));
    }

    [Test]
    public void StoresSourceTextExactlyAsGivenInUtf8WithoutBom()
    {
        var project = Project();
        var bytes = EntryBytes(Export(project), "sources/3B000000-0000-4000-8000-000000000002.txt");

        Assert.That(bytes, Is.EqualTo(Utf8(project.Sources[1].Text)));
        Assert.That(bytes[..3], Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Test]
    public void OutputValidatesAgainstTheProjectSchemaOnDisk()
    {
        foreach (var schemaPath in SchemaPaths("Project.xsd"))
        {
            var schemas = new XmlSchemaSet();
            schemas.Add("urn:QDA-XML:project:1.0", schemaPath);
            var errors = new List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
            settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Exception.LineNumber}: {e.Message}");

            using (var reader = XmlReader.Create(new MemoryStream(EntryBytes(Export(Project()), "project.qde")), settings))
            {
                while (reader.Read())
                {
                }
            }

            Assert.That(errors, Is.Empty, schemaPath);
        }
    }

    // SHA-256 of the REFI-QDA 1.0 schema files as published (and as ../shared/refi-qda holds them).
    [TestCase("Project.xsd", "77608205d5c17c6a60f75e771dd825d8e36eb7db24f8fe7cb86d47e70f83c0f5")]
    [TestCase("Codebook.xsd", "bc4706a6fdb736cc3248de1753366f2b1f5b13e6828d319cea2874deb7e61b52")]
    public void TheEmbeddedSchemaIsTheStandardUnchanged(string fileName, string sha256)
    {
        using var stream = typeof(QdpxWriter).Assembly.GetManifestResourceStream("Monitor.Core.Interop.Refi.Schemas." + fileName)!;
        using var embedded = new MemoryStream();
        stream.CopyTo(embedded);

        Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(embedded.ToArray())), Is.EqualTo(sha256));
        if (SharedSchemaPath(fileName) is { } shared)
        {
            Assert.That(embedded.ToArray(), Is.EqualTo(File.ReadAllBytes(shared)), "the shared copy beside the repository is the same file");
        }
    }

    [Test]
    public void KeepsTheSchemaOrderOfProjectChildren()
    {
        var root = Qde(Project()).Root!;

        Assert.That(root.Name, Is.EqualTo(_ns + "Project"));
        Assert.That(
            root.Elements().Select(e => e.Name.LocalName),
            Is.EqualTo(new[] { "Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Description" }));
    }

    [Test]
    public void LeavesOutContainersThatWouldBeEmpty()
    {
        var project = Project() with { Users = [], Cases = [], Notes = [], Variables = [], Description = null };
        project = project with { Sources = project.Sources.Select(s => s with { CreatingUser = null, Values = [] }).ToList() };
        project = project with
        {
            Sources = project.Sources.Select(s => s with
            {
                Selections = s.Selections.Select(sel => sel with
                {
                    CreatingUser = null,
                    NoteRefs = [],
                    Codings = sel.Codings.Select(c => c with { CreatingUser = null }).ToList(),
                }).ToList(),
            }).ToList(),
        };

        Assert.That(Qde(project).Root!.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[] { "CodeBook", "Sources" }));
    }

    [Test]
    public void WritesSelectionOffsetsInCodePointsSoAnEmojiCountsOnce()
    {
        var selection = Qde(Project()).Descendants(_ns + "PlainTextSelection")
            .Single(s => s.Attribute("guid")!.Value == "5E000000-0000-4000-8000-000000000001");

        // "Opening.\n" is 9 code points, "De cliënt en de coördinator spraken af " 39, then 👍 and a space.
        Assert.That(selection.Attribute("startPosition")!.Value, Is.EqualTo("50"));
        Assert.That(selection.Attribute("endPosition")!.Value, Is.EqualTo("63"));
        Assert.That(selection.Elements(_ns + "Coding").Select(c => c.Element(_ns + "CodeRef")!.Attribute("targetGUID")!.Value), Is.EqualTo(new[]
        {
            "1C000000-0000-4000-8000-000000000002",
            "1C000000-0000-4000-8000-000000000004",
        }));
        Assert.That(selection.Elements(_ns + "NoteRef").Count(), Is.EqualTo(2));
    }

    [Test]
    public void WritesReferencesPathsAndColorsInTheirSchemaForms()
    {
        var document = Qde(Project());
        var source = document.Descendants(_ns + "TextSource").First();
        var midi = document.Descendants(_ns + "Code").First();

        Assert.That(source.Attribute("plainTextPath")!.Value, Is.EqualTo("internal://3B000000-0000-4000-8000-000000000001.txt"));
        Assert.That(source.Attribute("creatingUser")!.Value, Is.EqualTo("0B8C6F0E-1A41-4C52-9A3E-6F0A2D1C0001"));
        Assert.That(midi.Attribute("isCodable")!.Value, Is.EqualTo("false"));
        Assert.That(midi.Attribute("color")!.Value, Is.EqualTo("#336699"));
        Assert.That(midi.Elements(_ns + "Code").Count(), Is.EqualTo(2));
        Assert.That(document.Descendants(_ns + "Variable").First().Attribute("typeOfVariable")!.Value, Is.EqualTo("Text"));
        Assert.That(
            document.Descendants(_ns + "Case").First().Elements().Select(e => e.Name.LocalName),
            Is.EqualTo(new[] { "VariableValue", "VariableValue", "SourceRef", "SourceRef" }));
        Assert.That(document.Descendants(_ns + "DateValue").First().Value, Is.EqualTo("2024-01-15"));
    }

    [Test]
    public void WritesEveryDateTimeInUtcWithZ()
    {
        var project = Project() with { CreatedUtc = new DateTimeOffset(2024, 3, 1, 12, 15, 0, TimeSpan.FromHours(2)) };
        project = project with
        {
            Variables = project.Variables,
            Sources = [project.Sources[0], project.Sources[1], project.Sources[2] with
            {
                Values = [new RefiVariableValue(Moment, "2024-03-18T16:00:00+02:00")],
            }],
        };
        var document = Qde(project);

        Assert.That(document.Root!.Attribute("creationDateTime")!.Value, Is.EqualTo("2024-03-01T10:15:00Z"));
        Assert.That(document.Descendants(_ns + "TextSource").ElementAt(1).Attribute("creationDateTime")!.Value, Is.EqualTo("2024-03-11T09:30:00.1234567Z"));
        Assert.That(document.Descendants(_ns + "DateTimeValue").Single().Value, Is.EqualTo("2024-03-18T14:00:00Z"));
    }

    [Test]
    public void RepeatedExportsAreByteIdenticalWithFixedEntryTimestamps()
    {
        var first = Export(Project());
        var second = Export(Project());

        Assert.That(second, Is.EqualTo(first));
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.That(zip.Entries.Select(e => e.LastWriteTime.Year).Distinct(), Is.EqualTo(new[] { 2000 }));
    }

    [Test]
    public void RefusesASchemaViolationWithItsLineBeforeWritingAnything()
    {
        var project = Project() with { Codes = [new RefiCode(Guid.NewGuid(), "Rood", true, "red", null, [])], Sources = [], Cases = [] };
        using var output = new MemoryStream();

        var error = Assert.Throws<RefiValidationException>(() => QdpxWriter.Write(project, output))!;

        Assert.That(error.Message, Does.Contain("project.qde regel 9:").And.Contain("color"));
        Assert.That(output.Length, Is.Zero);
    }

    [Test]
    public void RefusesACodingToACodeThatIsNotInTheCodebook()
    {
        var project = Project() with { Codes = [Project().Codes[0]] };
        using var output = new MemoryStream();

        var error = Assert.Throws<RefiValidationException>(() => QdpxWriter.Write(project, output))!;

        Assert.That(error.Message, Does.Contain("verwijst naar onbekende code 1C000000-0000-4000-8000-000000000006"));
        Assert.That(output.Length, Is.Zero);
    }

    [Test]
    public void RefusesASelectionThatEndsAfterTheTextCountingCodePoints()
    {
        var project = Project();
        const string Text = "👍👍";
        project = project with
        {
            Cases = [],
            Sources = [new RefiTextSource(Minutes1, "Kort", Text, null, null, [new RefiSelection(EmojiSelection, null, 0, 3, null, null, null, [], [])], [])],
        };

        var error = Assert.Throws<RefiValidationException>(() => Export(project))!;

        Assert.That(error.Message, Does.Contain("Selectie 5E000000-0000-4000-8000-000000000001 in bron 'Kort' ligt buiten de tekst (0–3, de tekst telt 2 tekens)"));
    }

    private static XDocument Qde(RefiProject project) =>
        XDocument.Load(new MemoryStream(EntryBytes(Export(project), "project.qde")));
}
