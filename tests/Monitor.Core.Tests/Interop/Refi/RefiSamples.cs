using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Monitor.Core.Interop.Refi;

namespace Monitor.Core.Tests.Interop.Refi;

/// <summary>Sample models, hand-built archives and helpers shared by the REFI-QDA tests.</summary>
internal static class RefiSamples
{
    public const string MinutesWithEmoji = "Opening.\nDe cliënt en de coördinator spraken af 👍 dat het werkt.\n";

    public static readonly Guid Anna = new("0b8c6f0e-1a41-4c52-9a3e-6f0a2d1c0001");
    public static readonly Guid Bram = new("0b8c6f0e-1a41-4c52-9a3e-6f0a2d1c0002");
    public static readonly Guid Midi = new("1c000000-0000-4000-8000-000000000001");
    public static readonly Guid Clarity = new("1c000000-0000-4000-8000-000000000002");
    public static readonly Guid Correctness = new("1c000000-0000-4000-8000-000000000003");
    public static readonly Guid CorrectnessPlus = new("1c000000-0000-4000-8000-000000000004");
    public static readonly Guid Cfir = new("1c000000-0000-4000-8000-000000000005");
    public static readonly Guid InnerSetting = new("1c000000-0000-4000-8000-000000000006");
    public static readonly Guid Phase = new("2a000000-0000-4000-8000-000000000001");
    public static readonly Guid MeetingDate = new("2a000000-0000-4000-8000-000000000002");
    public static readonly Guid Attendees = new("2a000000-0000-4000-8000-000000000003");
    public static readonly Guid Active = new("2a000000-0000-4000-8000-000000000004");
    public static readonly Guid Score = new("2a000000-0000-4000-8000-000000000005");
    public static readonly Guid Moment = new("2a000000-0000-4000-8000-000000000006");
    public static readonly Guid Minutes1 = new("3b000000-0000-4000-8000-000000000001");
    public static readonly Guid Minutes2 = new("3b000000-0000-4000-8000-000000000002");
    public static readonly Guid Minutes3 = new("3b000000-0000-4000-8000-000000000003");
    public static readonly Guid Reflection = new("4d000000-0000-4000-8000-000000000001");
    public static readonly Guid Memo = new("4d000000-0000-4000-8000-000000000002");
    public static readonly Guid EmojiSelection = new("5e000000-0000-4000-8000-000000000001");

    private static readonly DateTimeOffset _monday = new(2024, 3, 4, 9, 30, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    public static RefiProject Project()
    {
        var codes = new[]
        {
            new RefiCode(Midi, "MIDI", false, "#336699", "Fleuren et al. 2014", [
                new RefiCode(Clarity, "1 Procedurele duidelijkheid", true, "#FF0000", null, []),
                new RefiCode(Correctness, "2 Correctheid", true, "#00aa00", "Is de innovatie juist?", [
                    new RefiCode(CorrectnessPlus, "2 Correctheid / +1", true, null, null, []),
                ]),
            ]),
            new RefiCode(Cfir, "CFIR", false, null, null, [
                new RefiCode(InnerSetting, "Inner setting", true, "#123ABC", null, []),
            ]),
        };
        var variables = new[]
        {
            new RefiVariable(Phase, "Fase", RefiVariableType.Text, "Movisie-fase"),
            new RefiVariable(MeetingDate, "Datum", RefiVariableType.Date, null),
            new RefiVariable(Attendees, "Aanwezigen", RefiVariableType.Integer, null),
            new RefiVariable(Active, "Actief", RefiVariableType.Boolean, null),
            new RefiVariable(Score, "Score", RefiVariableType.Float, null),
            new RefiVariable(Moment, "Moment", RefiVariableType.DateTime, null),
        };
        const string Minutes2Text = "Regel één\r\nRegel twee met <tags> & \"quotes\"\r\n  ingesprongen \t tab ";
        var sources = new[]
        {
            new RefiTextSource(Minutes1, "Verslag 4 maart", MinutesWithEmoji, Anna, _monday, [
                Selection(EmojiSelection, MinutesWithEmoji, "dat het werkt", Anna, [
                    new RefiCoding(new Guid("6f000000-0000-4000-8000-000000000001"), Clarity, Anna, _monday.AddMinutes(1)),
                    new RefiCoding(new Guid("6f000000-0000-4000-8000-000000000002"), CorrectnessPlus, Bram, _monday.AddMinutes(2)),
                ], [Reflection, Memo]) with { Name = "werkt", Description = "Positief signaal" },
                Selection(new Guid("5e000000-0000-4000-8000-000000000002"), MinutesWithEmoji, "coördinator", Bram, [
                    new RefiCoding(new Guid("6f000000-0000-4000-8000-000000000003"), InnerSetting, Bram, null),
                ], []),
            ], [new RefiVariableValue(MeetingDate, "2024-03-04"), new RefiVariableValue(Attendees, "7")], "Eerste bijeenkomst"),
            new RefiTextSource(Minutes2, "Verslag 11 maart", Minutes2Text, Bram, _monday.AddDays(7).AddTicks(1234567), [
                Selection(new Guid("5e000000-0000-4000-8000-000000000003"), Minutes2Text, "Regel twee", null, [
                    new RefiCoding(new Guid("6f000000-0000-4000-8000-000000000004"), Clarity, null, null),
                    new RefiCoding(new Guid("6f000000-0000-4000-8000-000000000005"), Correctness, Anna, null),
                    new RefiCoding(new Guid("6f000000-0000-4000-8000-000000000006"), InnerSetting, Bram, null),
                ], []),
            ], []),
            new RefiTextSource(Minutes3, "Leeg verslag", "", null, null, [], [
                new RefiVariableValue(Active, "true"),
                new RefiVariableValue(Score, "7.5"),
                new RefiVariableValue(Moment, "2024-03-18T14:00:00Z"),
            ]),
        };
        var cases = new[]
        {
            new RefiCase(new Guid("7a000000-0000-4000-8000-000000000001"), "Locatie Noord", null, [
                new RefiVariableValue(Phase, "doen"),
                new RefiVariableValue(MeetingDate, "2024-01-15"),
            ], [Minutes1, Minutes2]),
            new RefiCase(new Guid("7a000000-0000-4000-8000-000000000002"), "Locatie Zuid", "Start later", [], [Minutes3]),
        };
        var notes = new[]
        {
            new RefiNote(Reflection, "Reflectie", "Wat werkte: de cliënt kwam aan het woord.\r\nWat minder: tijd 👍", Anna, _monday),
            new RefiNote(Memo, "Memo", "Kort memo", null, null),
        };
        return new RefiProject(
            "Implementatie Noord",
            "ImplementatieMonitor",
            new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero),
            [new RefiUser(Anna, "Anna de Vries"), new RefiUser(Bram, "Bram Jansen")],
            codes,
            variables,
            cases,
            sources,
            notes,
            "Monitor van de ontwikkelgroep");
    }

    /// <summary>A selection on the first occurrence of <paramref name="fragment"/>, in code points.</summary>
    public static RefiSelection Selection(Guid guid, string text, string fragment, Guid? user, RefiCoding[] codings, Guid[] notes)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        var start = CodePointText.FromCharIndex(text, index);
        var end = CodePointText.FromCharIndex(text, index + fragment.Length);
        return new RefiSelection(guid, null, start, end, user, null, null, codings, notes);
    }

    /// <summary>Records hold lists, whose Equals compares references; JSON compares every field.</summary>
    public static string Dump(object model) => JsonSerializer.Serialize(model, model.GetType(), _json);

    public static byte[] Export(RefiProject project)
    {
        using var output = new MemoryStream();
        QdpxWriter.Write(project, output);
        return output.ToArray();
    }

    public static RefiImportResult Import(byte[] archive, long maxBytes = 10 * 1024 * 1024) =>
        QdpxReader.Read(new MemoryStream(archive), maxBytes);

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static byte[] EntryBytes(byte[] archive, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(name)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The REFI-QDA schema files the exports are validated against: the repository's own copy (the one embedded in
    /// Monitor.Core), and also the shared copy beside the repository where the checkout has one (../shared/refi-qda).
    /// </summary>
    public static IReadOnlyList<string> SchemaPaths(string fileName)
    {
        var paths = new List<string>();
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var own = Path.Combine(dir.FullName, "src", "Monitor.Core", "Interop", "Refi", "Schemas", fileName);
            if (paths.Count == 0 && File.Exists(own))
            {
                paths.Add(own);
            }

            if (SharedSchemaPathOrNull(dir, fileName) is { } shared)
            {
                paths.Add(shared);
                break;
            }
        }

        Assert.That(paths, Is.Not.Empty, $"the repository's copy of {fileName} was not found above {TestContext.CurrentContext.TestDirectory}");
        return paths;
    }

    /// <summary>The shared copy of a schema beside the repository, or null where the checkout has none.</summary>
    public static string? SharedSchemaPath(string fileName)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (SharedSchemaPathOrNull(dir, fileName) is { } shared)
            {
                return shared;
            }
        }

        return null;
    }

    private static string? SharedSchemaPathOrNull(DirectoryInfo dir, string fileName)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "refi-qda", fileName);
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>The sample project's codes as a codebook.</summary>
    internal static RefiCodebook Codebook() => new("ImplementatieMonitor", Project().Codes);

    /// <summary>A codebook written as .qdc bytes.</summary>
    internal static byte[] WriteQdc(RefiCodebook codebook)
    {
        using var output = new MemoryStream();
        QdcWriter.Write(codebook, output);
        return output.ToArray();
    }
}
