using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Monitor.Core.Interop.Refi;
using static Monitor.Core.Tests.Interop.Refi.RefiSamples;

namespace Monitor.Core.Tests.Interop.Refi;

public sealed class QdcWriterTests
{
    [Test]
    public void OutputValidatesAgainstTheCodebookSchemaOnDisk()
    {
        foreach (var schemaPath in SchemaPaths("Codebook.xsd"))
        {
            var schemas = new XmlSchemaSet();
            schemas.Add("urn:QDA-XML:codebook:1.0", schemaPath);
            var errors = new List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
            settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Exception.LineNumber}: {e.Message}");

            using (var reader = XmlReader.Create(new MemoryStream(WriteQdc(Codebook())), settings))
            {
                while (reader.Read())
                {
                }
            }

            Assert.That(errors, Is.Empty, schemaPath);
        }
    }

    [Test]
    public void WritesNestedCodesInTheCodebookNamespaceWithoutBom()
    {
        var bytes = WriteQdc(Codebook());
        var root = XDocument.Load(new MemoryStream(bytes)).Root!;
        XNamespace ns = "urn:QDA-XML:codebook:1.0";

        Assert.That(bytes[0], Is.EqualTo((byte)'<'));
        Assert.That(root.Name, Is.EqualTo(ns + "CodeBook"));
        Assert.That(root.Attribute("origin")!.Value, Is.EqualTo("ImplementatieMonitor"));
        Assert.That(
            root.Element(ns + "Codes")!.Elements(ns + "Code").Select(c => c.Elements(ns + "Code").Count()),
            Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void SameCodebookGivesIdenticalBytes()
    {
        var first = WriteQdc(Codebook());

        Assert.That(WriteQdc(Codebook()), Is.EqualTo(first));
    }

    [Test]
    public void RefusesAnEmptyCodebook() =>
        Assert.That(
            () => WriteQdc(new RefiCodebook("x", [])),
            Throws.TypeOf<RefiValidationException>().With.Message.Contains("Het codeboek bevat geen codes"));

    [Test]
    public void RefusesAColorOutsideTheSchemaWithItsLine()
    {
        using var output = new MemoryStream();

        Assert.That(
            () => QdcWriter.Write(new RefiCodebook("x", [new RefiCode(Guid.NewGuid(), "Rood", true, "rood", null, [])]), output),
            Throws.TypeOf<RefiValidationException>().With.Message.Contains("codeboek regel 4:"));
        Assert.That(output.Length, Is.Zero);
    }
}
