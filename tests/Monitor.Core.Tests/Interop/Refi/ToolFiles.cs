using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Monitor.Core.Interop.Refi;

namespace Monitor.Core.Tests.Interop.Refi;

/// <summary>One coding in a tool file: the coded text (its first occurrence), who coded it, the code and its memo.</summary>
internal sealed record ToolCoding(string Fragment, string Coder, string Code, string? Memo);

/// <summary>
/// .qdpx and .qdc files shaped as other programs write them (issue #17), built from their published source where there
/// is one: QualCoder's refi.py (export_project, text_selection_xml, cases_xml, variables_xml: a selection per coding,
/// name = the coded text, Description = the coding memo before the Coding, text files with a BOM, "MAXQDA line
/// endings" = the text written with CRLF and the positions left as they were) and Taguette's export.py (a .qdc with
/// flat codes and an empty &lt;Sets/&gt;). ATLAS.ti (CRLF stored, positions counting it as one, quotation names
/// shortened, code groups as Sets), NVivo (a Sources folder, positions in the stored CRLF text, memos as Notes with a
/// NoteRef) and MAXQDA (nameless cases holding one source's variables, a memo-only selection) follow the conventions
/// QualCoder's importer documents for them. The text has emoji, a decomposed ö and a selection across a line end;
/// two coders code the same passage with the same code. Also linked into Monitor.Web.Tests (browser test of the exchange page).
/// </summary>
internal static class ToolFiles
{
    public const string Minutes = "Verslag teamoverleg 👍 maart\nDe coo\u0308rdinator zegt: de training helpt echt.\nGetrainde medewerkers 🙂 voeren het protocol uit.\nOngetrainde collega's twijfelen nog over de tijd.\n";

    public static readonly ToolCoding[] Codings =
    [
        new("De coo\u0308rdinator zegt", "Anna", "Leiderschap", "Sleutelfiguur"),
        new("de training helpt echt.\nGetrainde medewerkers", "Anna", "Training", "Loopt over de regel heen"),
        new("de training helpt echt.\nGetrainde medewerkers", "Bram", "Training", null),
        new("Getrainde medewerkers 🙂 voeren het protocol uit", "Bram", "Uitvoering", "Na de 🙂"),
        new("twijfelen nog over de tijd", "Anna", "Twijfel", null),
        new("twijfelen nog over de tijd", "Bram", "Twijfel", "Zelfde passage, tweede codeur"),
    ];

    private static readonly Dictionary<string, Guid> _users = new()
    {
        ["Anna"] = new Guid("a1a1a1a1-0000-4000-8000-000000000001"),
        ["Bram"] = new Guid("b2b2b2b2-0000-4000-8000-000000000002"),
    };

    private static readonly string[] _codes = ["Leiderschap", "Training", "Uitvoering", "Twijfel"];

    private static readonly Guid _source = new("50000000-0000-4000-8000-0000000000a1");

    /// <summary>QualCoder's project export; with <paramref name="maxqdaLineEndings"/> its "MAXQDA line endings" choice.</summary>
    public static byte[] QualCoder(bool maxqdaLineEndings) => Build(new Shape(
        "QualCoder 3.6", "sources", Bom: true, CrLf: maxqdaLineEndings, CrLfAsOne: maxqdaLineEndings, Name: f => f, SelectionMemo: true, NoteMemo: false, CodeGroups: false, NamelessCases: false));

    /// <summary>ATLAS.ti 23: CRLF stored, positions count it as one, quotation names shortened, memos as Notes, code groups.</summary>
    public static byte[] AtlasTi() => Build(new Shape(
        "ATLAS.ti 23.2.1", "sources", Bom: false, CrLf: true, CrLfAsOne: true, Name: f => f.Length > 20 ? f[..20].TrimEnd() + "..." : f, SelectionMemo: false, NoteMemo: true, CodeGroups: true, NamelessCases: false));

    /// <summary>NVivo 14: a Sources folder, CRLF stored and counted as two, no selection names, memos as Notes.</summary>
    public static byte[] NVivo() => Build(new Shape(
        "NVivo 14", "Sources", Bom: true, CrLf: true, CrLfAsOne: false, Name: _ => null, SelectionMemo: false, NoteMemo: true, CodeGroups: false, NamelessCases: false));

    /// <summary>MAXQDA 2022: CRLF counted as two, empty names, memos in the Description, nameless cases, a memo-only selection.</summary>
    public static byte[] Maxqda() => Build(new Shape(
        "MAXQDA 2022", "sources", Bom: false, CrLf: true, CrLfAsOne: false, Name: _ => "", SelectionMemo: true, NoteMemo: false, CodeGroups: false, NamelessCases: true));

    /// <summary>Taguette's codebook export (export.py codebook_xml): flat codes, uuid5 GUIDs in upper case, an empty Sets.</summary>
    public static byte[] TaguetteCodebook() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Taguette 1.4.1\"><Codes>" +
        "<Code guid=\"9F1B2E0C-5A7D-5E21-9C3A-0D6E1F2A3B4C\" name=\"training\" isCodable=\"true\"></Code>" +
        "<Code guid=\"0A2C3D4E-5F60-5712-8394-A5B6C7D8E9F0\" name=\"training.twijfel\" isCodable=\"true\"></Code>" +
        "</Codes><Sets></Sets></CodeBook>");

    /// <summary>The text of the stored source file of a shape (for assertions).</summary>
    public static string StoredText(bool crLf) => crLf ? Minutes.Replace("\n", "\r\n", StringComparison.Ordinal) : Minutes;

    private sealed record Shape(string Origin, string Folder, bool Bom, bool CrLf, bool CrLfAsOne, Func<string, string?> Name, bool SelectionMemo, bool NoteMemo, bool CodeGroups, bool NamelessCases);

    private static Guid CodeGuid(string code) => new($"c0de0000-0000-4000-8000-{Array.IndexOf(_codes, code) + 1:D12}");

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static byte[] Build(Shape shape)
    {
        var stored = StoredText(shape.CrLf);
        // positions: code points of the LF text (QualCoder, and CRLF-as-one tools), or of the stored CRLF text
        var counted = shape.CrLfAsOne || !shape.CrLf ? Minutes : stored;
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ");
        xml.Append(CultureInfo.InvariantCulture, $"name=\"Teamoverleg\" origin=\"{shape.Origin}\" creatingUserGUID=\"{_users["Anna"]}\" creationDateTime=\"2024-03-04T10:00:00Z\" xmlns=\"urn:QDA-XML:project:1.0\">\n");
        xml.Append("<Users>\n");
        foreach (var (name, guid) in _users)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<User guid=\"{guid}\" name=\"{name}\" />\n");
        }

        xml.Append("</Users>\n<CodeBook>\n<Codes>\n");
        foreach (var code in _codes)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Code guid=\"{CodeGuid(code)}\" name=\"{code}\" isCodable=\"true\" color=\"#F0A0A0\" />\n");
        }

        var trained = new Guid("7a700000-0000-4000-8000-000000000001");
        var team = new Guid("7a700000-0000-4000-8000-000000000002");
        var gender = new Guid("7a700000-0000-4000-8000-000000000003");
        xml.Append("</Codes>\n</CodeBook>\n<Variables>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<Variable guid=\"{trained}\" name=\"Training\" typeOfVariable=\"Text\">\n<Description />\n</Variable>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<Variable guid=\"{team}\" name=\"Team\" typeOfVariable=\"Text\">\n<Description />\n</Variable>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<Variable guid=\"{gender}\" name=\"Gender\" typeOfVariable=\"Text\">\n<Description>Respondent</Description>\n</Variable>\n</Variables>\n");
        static string Value(Guid variable, string value) => $"<VariableValue>\n<VariableRef targetGUID=\"{variable}\" />\n<TextValue>{value}</TextValue>\n</VariableValue>\n";
        xml.Append("<Cases>\n");
        if (shape.NamelessCases)
        {
            // MAXQDA and Quirkos: a case without a name holds one source's variables
            xml.Append(CultureInfo.InvariantCulture, $"<Case guid=\"{new Guid("ca5e0000-0000-4000-8000-000000000001")}\">\n");
            xml.Append(Value(trained, "getraind")).Append(Value(team, "Noord")).Append(Value(gender, "vrouw"));
        }
        else
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Case guid=\"{new Guid("ca5e0000-0000-4000-8000-000000000001")}\" name=\"Team Noord\">\n<Description />\n");
            xml.Append(Value(trained, "getraind")).Append(Value(team, "Noord"));
        }

        xml.Append(CultureInfo.InvariantCulture, $"<SourceRef targetGUID=\"{_source}\"/>\n</Case>\n</Cases>\n<Sources>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<TextSource plainTextPath=\"internal://{_source}.txt\" creatingUser=\"{_users["Anna"]}\" creationDateTime=\"2024-03-04T10:00:00Z\" guid=\"{_source}\" name=\"Teamoverleg maart\">\n");
        var notes = new StringBuilder();
        for (var i = 0; i < Codings.Length; i++)
        {
            var coding = Codings[i];
            var index = counted.IndexOf(shape.CrLf && !shape.CrLfAsOne ? coding.Fragment.Replace("\n", "\r\n", StringComparison.Ordinal) : coding.Fragment, StringComparison.Ordinal);
            var length = shape.CrLf && !shape.CrLfAsOne ? coding.Fragment.Replace("\n", "\r\n", StringComparison.Ordinal).Length : coding.Fragment.Length;
            var start = CodePointText.FromCharIndex(counted, index);
            var end = CodePointText.FromCharIndex(counted, index + length);
            var selection = new Guid($"5e100000-0000-4000-8000-{i + 1:D12}");
            var name = shape.Name(coding.Fragment);
            xml.Append(CultureInfo.InvariantCulture, $"<PlainTextSelection guid=\"{selection}\" startPosition=\"{start}\" endPosition=\"{end}\" ");
            xml.Append(name is null ? "" : $"name=\"{Esc(name)}\" ");
            xml.Append(CultureInfo.InvariantCulture, $"creatingUser=\"{_users[coding.Coder]}\" creationDateTime=\"2024-03-0{i % 9 + 1}T11:00:00Z\">\n");
            if (shape.SelectionMemo && coding.Memo is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<Description>{Esc(coding.Memo)}</Description>\n");
            }

            xml.Append(CultureInfo.InvariantCulture, $"<Coding guid=\"{new Guid($"c0d10000-0000-4000-8000-{i + 1:D12}")}\" creatingUser=\"{_users[coding.Coder]}\" >\n<CodeRef targetGUID=\"{CodeGuid(coding.Code)}\" />\n</Coding>\n");
            if (shape.NoteMemo && coding.Memo is not null)
            {
                var note = new Guid($"00e10000-0000-4000-8000-{i + 1:D12}");
                xml.Append(CultureInfo.InvariantCulture, $"<NoteRef targetGUID=\"{note}\" />\n");
                notes.Append(CultureInfo.InvariantCulture, $"<Note guid=\"{note}\" name=\"Memo {i + 1}\" creatingUser=\"{_users[coding.Coder]}\">\n<PlainTextContent>{Esc(coding.Memo)}</PlainTextContent>\n</Note>\n");
            }

            xml.Append("</PlainTextSelection>\n");
        }

        if (shape.NamelessCases)
        {
            // a MAXQDA memo on a passage: a selection with a Description and no Coding
            xml.Append("<PlainTextSelection guid=\"5e1000ff-0000-4000-8000-000000000001\" name=\"\" startPosition=\"0\" endPosition=\"8\">\n<Description>Let op: verslag is ingekort</Description>\n</PlainTextSelection>\n");
        }

        xml.Append("</TextSource>\n</Sources>\n");
        if (notes.Length > 0)
        {
            xml.Append("<Notes>\n").Append(notes).Append("</Notes>\n");
        }

        if (shape.CodeGroups)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Sets>\n<Set guid=\"{new Guid("5e700000-0000-4000-8000-000000000001")}\" name=\"Codegroep: implementatie\">\n<Description>Codes over de uitvoering</Description>\n");
            xml.Append(CultureInfo.InvariantCulture, $"<MemberCode targetGUID=\"{CodeGuid("Training")}\"/>\n<MemberCode targetGUID=\"{CodeGuid("Uitvoering")}\"/>\n</Set>\n</Sets>\n");
        }

        xml.Append("<Description />\n</Project>");
        byte[] text = [.. shape.Bom ? new byte[] { 0xEF, 0xBB, 0xBF } : [], .. Encoding.UTF8.GetBytes(stored)];
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, content) in new[] { ("project.qde", Encoding.UTF8.GetBytes(xml.ToString())), ($"{shape.Folder}/{_source}.txt", text) })
            {
                using var entry = zip.CreateEntry(entryName).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
