using Monitor.Core.Interop.Refi;
using static Monitor.Core.Tests.Interop.Refi.RefiSamples;

namespace Monitor.Core.Tests.Interop.Refi;

public sealed class QdcReaderTests
{
    [Test]
    public void RoundTripGivesBackTheCodebookFieldByField()
    {
        var codebook = Codebook();

        var read = QdcReader.Read(new MemoryStream(WriteQdc(codebook)), 1024 * 1024);

        Assert.That(Dump(read), Is.EqualTo(Dump(codebook)));
    }

    [Test]
    public void AcceptsOtherNamespaceVersionsABomAndShortColors()
    {
        const string Qdc = """
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:0.4" origin="NVivo">
              <Codes>
                <Code guid="{AA000000-0000-4000-8000-000000000001}" name="Steun" isCodable="1" color="#f0a">
                  <Description>Steun van de leiding</Description>
                </Code>
              </Codes>
              <Sets><Set guid="AA000000-0000-4000-8000-000000000002" name="Set"/></Sets>
            </CodeBook>
            """;

        var read = QdcReader.Read(new MemoryStream([0xEF, 0xBB, 0xBF, .. Utf8(Qdc)]), 1024 * 1024);

        Assert.That(read.Origin, Is.EqualTo("NVivo"));
        Assert.That(read.Codes.Single(), Is.EqualTo(new RefiCode(new Guid("AA000000-0000-4000-8000-000000000001"), "Steun", true, "#ff00aa", "Steun van de leiding", read.Codes.Single().Children)));
        Assert.That(read.Codes.Single().Children, Is.Empty);
    }

    [Test]
    public void RefusesASchemaViolationNamingTheLine()
    {
        const string Qdc = """
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0">
              <Codes>
                <Code name="zonder guid" isCodable="true"/>
              </Codes>
            </CodeBook>
            """;

        Assert.That(
            () => QdcReader.Read(new MemoryStream(Utf8(Qdc)), 1024 * 1024),
            Throws.TypeOf<RefiImportException>().With.Message.StartsWith("Het codeboek (.qdc) voldoet niet aan het schema: regel 4: "));
    }

    [Test]
    public void RefusesXmlThatIsNotWellFormed() =>
        Assert.That(
            () => QdcReader.Read(new MemoryStream(Utf8("<CodeBook>\n<Codes>")), 1024 * 1024),
            Throws.TypeOf<RefiImportException>().With.Message.StartsWith("Het codeboek (.qdc) is geen geldige XML (regel 2, positie"));

    [Test]
    [Description("issue #26: a DTD is refused in Dutch, without a 'regel 0'")]
    public void RefusesADtdInDutch() =>
        Assert.That(
            () => QdcReader.Read(new MemoryStream(Utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY x \"y\">]>\n<CodeBook/>")), 1024 * 1024),
            Throws.TypeOf<RefiImportException>().With.Message.StartsWith("Het codeboek (.qdc) bevat een DTD (<!DOCTYPE …>)")
                .And.Message.Not.Contain("regel 0").And.Message.Not.Contain("For security reasons"));

    [Test]
    public void RefusesAFileOverTheSizeLimit() =>
        Assert.That(
            () => QdcReader.Read(new MemoryStream(WriteQdc(Codebook())), 50),
            Throws.TypeOf<RefiImportException>().With.Message.EqualTo("Het bestand is groter dan 50 bytes"));
}
