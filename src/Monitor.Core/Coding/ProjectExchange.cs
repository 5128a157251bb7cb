using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Interop.Refi;
using Monitor.Core.Interop;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;

namespace Monitor.Core.Coding;

/// <summary>
/// A project's coded material as a REFI-QDA project (.qdpx) and as a CSV of codings, and the import of a
/// .qdpx made here or by ATLAS.ti, NVivo, MAXQDA or QualCoder.
/// Mapping: every document (current version) is a TextSource; every coding a PlainTextSelection with one
/// Coding whose creatingUser is the coder; codebooks are non-codable top-level codes; valence (no REFI slot)
/// and round travel in the selection's Description ("Valentie: belemmerend"); memos are Notes with a NoteRef;
/// groups and meetings are Cases; phase, date, group and kind are Variables. Every export applies the project's
/// pseudonym list: in the .qdpx to the texts (with the selections' offsets moved along), titles, memos and the
/// description; in the CSV to text and memo.
/// </summary>
public sealed class ProjectExchange
{
    public const long MaxQdpxBytes = 50 * 1024 * 1024;
    public const string Origin = "ImplementatieMonitor";
    private const string ValencePrefix = "Valentie: ";

    private readonly MonitorDatabase _database;
    private readonly CodebookStore _codebooks;
    private readonly CodingDocumentStore _documents;
    private readonly AuditStore _audit;
    private readonly ProjectStore _projects;
    private readonly PrivacyStore _privacy;

    public ProjectExchange(MonitorDatabase database, CodebookStore codebooks, CodingDocumentStore documents, AuditStore audit, ProjectStore projects, PrivacyStore privacy)
    {
        _database = database;
        _codebooks = codebooks;
        _documents = documents;
        _audit = audit;
        _projects = projects;
        _privacy = privacy;
    }

    private sealed record ExportCoding(Coding Coding, string? ExternalGuid, string CoderName, string? RoundName, string VersionText);

    /// <summary>Builds the REFI-QDA model of a project (null when the project does not exist).</summary>
    public async Task<RefiProject?> BuildAsync(long projectId, CancellationToken cancellationToken = default)
    {
        const string codingsSql = $"""
            SELECT {CodingStore.CodingColumns}, c.external_coder_guid, r.name, v.text
            FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            LEFT JOIN coding_rounds r ON r.id = c.round_id
            WHERE c.project_id = @project AND c.removed_at IS NULL AND c.unplaced_at IS NULL
            ORDER BY v.document_id, c.start_pos, c.end_pos, c.id;
            """;
        var project = await _projects.FindAsync(projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var documents = await _documents.ListDocumentsAsync(projectId, cancellationToken);
        var names = await _privacy.GetPseudonymizerAsync(projectId, cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codes = books.SelectMany(b => b.Codes).ToDictionary(c => c.Id);
        var timeline = await FragmentQueries.ReadPhaseTimelineAsync(connection, transaction, projectId, cancellationToken);
        var phaseNames = (await connection.QueryAsync(transaction, "SELECT number, name_nl FROM movisie_phases;", reader => (Number: reader.GetInt32(0), Name: reader.GetString(1)), cancellationToken))
            .ToDictionary(p => p.Number, p => p.Name);
        var codings = await connection.QueryAsync(transaction, codingsSql, reader =>
        {
            var coding = CodingStore.ReadCoding(reader);
            return new ExportCoding(coding, reader.GetStringOrNull(15), coding.CoderName, reader.GetStringOrNull(16), reader.GetString(17));
        }, cancellationToken, ("@project", projectId));

        var users = new Dictionary<Guid, RefiUser>();
        Guid UserOf(ExportCoding c)
        {
            var guid = c.ExternalGuid is { } external ? Guid.Parse(external)
                : c.Coding.CoderId == 0 ? StableGuid.From("deleted-user:" + c.CoderName)
                : StableGuid.From("user:" + c.Coding.CoderId.ToString(CultureInfo.InvariantCulture));
            users.TryAdd(guid, new RefiUser(guid, c.CoderName));
            return guid;
        }

        var phaseVariable = new RefiVariable(StableGuid.From("variable:fase"), "Fase", RefiVariableType.Text, "Movisie-fase van het project op de datum van de bijeenkomst");
        var dateVariable = new RefiVariable(StableGuid.From("variable:datum"), "Datum", RefiVariableType.Date, "Datum van de bijeenkomst of van het toevoegen");
        var groupVariable = new RefiVariable(StableGuid.From("variable:groep"), "Groep", RefiVariableType.Text, null);
        var kindVariable = new RefiVariable(StableGuid.From("variable:soort"), "Soort", RefiVariableType.Text, "verslag, slotreflectie of geüpload document");
        var notes = new List<RefiNote>();
        var sources = new List<RefiTextSource>();
        var byDocument = codings.ToLookup(c => c.Coding.DocumentId);
        foreach (var document in documents)
        {
            var (text, mapOffset) = names.ApplyKeepingOffsets(byDocument[document.Id].FirstOrDefault(c => c.Coding.VersionId == document.VersionId)?.VersionText
                ?? (await CodingDocumentStore.ReadVersionAsync(connection, transaction, document.VersionId, cancellationToken)).Text);
            var date = document.HeldOn ?? DateOnly.FromDateTime(DutchClock.ToDutch(document.CreatedAt).DateTime);
            var phase = FragmentQueries.PhaseAt(timeline, date);
            var values = new List<RefiVariableValue>
            {
                new(phaseVariable.Guid, $"{phase} · {phaseNames.GetValueOrDefault(phase, "")}"),
                new(dateVariable.Guid, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new(kindVariable.Guid, Codes.ToCode(document.Kind)),
            };
            if (document.GroupName is { } group)
            {
                values.Add(new RefiVariableValue(groupVariable.Guid, group));
            }

            var selections = new List<RefiSelection>();
            foreach (var c in byDocument[document.Id].Where(c => c.Coding.VersionId == document.VersionId))
            {
                var user = UserOf(c);
                var noteRefs = new List<Guid>();
                if (c.Coding.Memo.Length > 0)
                {
                    var note = new RefiNote(StableGuid.From("memo:" + c.Coding.Guid), "Memo bij " + codes[c.Coding.CodeId].NameNl, names.Apply(c.Coding.Memo), user, c.Coding.CreatedAt);
                    notes.Add(note);
                    noteRefs.Add(note.Guid);
                }

                var description = ValencePrefix + Codes.ToCode(c.Coding.Valence)
                    + (c.RoundName is { } round ? $"\nRonde: {round}{(c.Coding.IsConsensus ? " (consensus)" : "")}" : "");
                selections.Add(new RefiSelection(c.Coding.Guid, codes[c.Coding.CodeId].NameNl, mapOffset(c.Coding.Start, false), mapOffset(c.Coding.End, true), user, c.Coding.CreatedAt, description,
                    [new RefiCoding(StableGuid.From("coding:" + c.Coding.Guid), codes[c.Coding.CodeId].Guid, user, c.Coding.CreatedAt)], noteRefs));
            }

            sources.Add(new RefiTextSource(document.Guid, names.Apply(document.Title), text, null, document.CreatedAt, selections, values));
        }

        var cases = new List<RefiCase>();
        foreach (var group in documents.Where(d => d.GroupId is not null).GroupBy(d => (d.GroupId!.Value, d.GroupName!)))
        {
            cases.Add(new RefiCase(StableGuid.From("group:" + group.Key.Value.ToString(CultureInfo.InvariantCulture)), group.Key.Item2, "Groep",
                [new RefiVariableValue(groupVariable.Guid, group.Key.Item2)], group.Select(d => d.Guid).ToList()));
        }

        foreach (var meeting in documents.Where(d => d.MeetingId is not null).GroupBy(d => d.MeetingId!.Value))
        {
            var first = meeting.First();
            cases.Add(new RefiCase(StableGuid.From("meeting:" + meeting.Key.ToString(CultureInfo.InvariantCulture)),
                $"Bijeenkomst {first.GroupName} {first.HeldOn:yyyy-MM-dd}", "Bijeenkomst",
                [new RefiVariableValue(dateVariable.Guid, first.HeldOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")], meeting.Select(d => d.Guid).ToList()));
        }

        var refiCodes = books.Select(b => new RefiCode(b.Guid, b.Name, false, null, b.Description.Length == 0 ? null : b.Description, CodebookExchange.ToRefiCodes(b.Codes, null))).ToList();
        return new RefiProject(project.Name, Origin, null, users.Values.OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Guid).ToList(), refiCodes,
            [phaseVariable, dateVariable, groupVariable, kindVariable], cases, sources, notes, project.Description.Length == 0 ? null : names.Apply(project.Description));
    }

    /// <summary>Writes the project as .qdpx (validated against Project.xsd before anything is written); false when the project does not exist.</summary>
    public async Task<bool> ExportQdpxAsync(long projectId, Stream output, CancellationToken cancellationToken = default)
    {
        var model = await BuildAsync(projectId, cancellationToken);
        if (model is null)
        {
            return false;
        }

        QdpxWriter.Write(model, output);
        return true;
    }

    /// <summary>All codings (one row each) for R, SPSS or Excel; names pseudonymised as the project's privacy settings say.</summary>
    public async Task<byte[]?> ExportCodingsCsvAsync(long projectId, Pseudonymizer pseudonymizer, char separator = ';', CancellationToken cancellationToken = default)
    {
        var model = await BuildAsync(projectId, cancellationToken);
        if (model is null)
        {
            return null;
        }

        var codePaths = new Dictionary<Guid, (string Path, string Codebook)>();
        void Walk(IEnumerable<RefiCode> codes, string path, string codebook)
        {
            foreach (var code in codes)
            {
                var here = path.Length == 0 ? code.Name : path + " / " + code.Name;
                codePaths[code.Guid] = (here, codebook);
                Walk(code.Children, here, codebook);
            }
        }

        foreach (var book in model.Codes)
        {
            Walk(book.Children, "", book.Name);
        }

        var users = model.Users.ToDictionary(u => u.Guid, u => u.Name);
        var notes = model.Notes.ToDictionary(n => n.Guid, n => n.Text);
        string Value(RefiTextSource source, string variable) =>
            source.Values.FirstOrDefault(v => v.VariableGuid == model.Variables.First(x => x.Name == variable).Guid)?.Value ?? "";
        var csv = new CsvWriter(separator);
        csv.Row(["project", "groep", "bijeenkomst", "datum", "fase", "document", "start", "eind", "tekst", "codepad", "codeboek", "valentie", "codeur", "memo", "ronde", "consensus"]);
        foreach (var source in model.Sources)
        {
            var meeting = model.Cases.FirstOrDefault(c => c.Description == "Bijeenkomst" && c.SourceRefs.Contains(source.Guid))?.Name ?? "";
            foreach (var selection in source.Selections)
            {
                foreach (var coding in selection.Codings)
                {
                    var (path, book) = codePaths.GetValueOrDefault(coding.CodeGuid, ("?", "?"));
                    var (valence, round, consensus) = ParseDescription(selection.Description);
                    csv.Row([model.Name, Value(source, "Groep"), meeting, Value(source, "Datum"), Value(source, "Fase"), source.Name,
                        selection.Start.ToString(CultureInfo.InvariantCulture), selection.End.ToString(CultureInfo.InvariantCulture),
                        pseudonymizer.Apply(CodePoints.Slice(source.Text, selection.Start, selection.End)), path, book, Codes.ToCode(valence),
                        coding.CreatingUser is { } user ? users.GetValueOrDefault(user, "") : "",
                        pseudonymizer.Apply(string.Join(" ", selection.NoteRefs.Select(n => notes.GetValueOrDefault(n, "")))), round ?? "", consensus ? "ja" : "nee"]);
                }
            }
        }

        return csv.ToBytes();
    }

    internal static (Valence Valence, string? Round, bool Consensus) ParseDescription(string? description)
    {
        var valence = Valence.Neutraal;
        string? round = null;
        var consensus = false;
        foreach (var line in (description ?? "").Split('\n'))
        {
            if (line.StartsWith(ValencePrefix, StringComparison.Ordinal) && Codes.TryParse<Valence>(line[ValencePrefix.Length..].Trim(), out var v))
            {
                valence = v;
            }
            else if (line.StartsWith("Ronde: ", StringComparison.Ordinal))
            {
                round = line["Ronde: ".Length..];
                if (round.EndsWith(" (consensus)", StringComparison.Ordinal))
                {
                    consensus = true;
                    round = round[..^" (consensus)".Length];
                }
            }
        }

        return (valence, round, consensus);
    }

    /// <summary>
    /// Imports a .qdpx into the project in one transaction: text sources become documents (GUIDs kept), codes
    /// are matched to the project's codes by GUID or added to a new codebook, codings keep span, code, coder
    /// (as a REFI user name when no account has that name), date, valence and memo. Throws a
    /// <see cref="ValidationException"/> naming the file or element when the file cannot be read.
    /// </summary>
    public async Task<ProjectImportResult> ImportQdpxAsync(long projectId, Stream input, Actor actor, CancellationToken cancellationToken = default)
    {
        var importerId = actor.UserId ?? throw new ValidationException("Alleen een ingelogde gebruiker kan een project inlezen.");
        RefiImportResult read;
        try
        {
            read = QdpxReader.Read(input, MaxQdpxBytes);
        }
        catch (RefiImportException ex)
        {
            throw new ValidationException([new ValidationError("file", ex.Message)]);
        }

        var model = read.Project;
        var lines = new List<RefiImportLine>(read.Report.Lines);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            var result = await ImportCoreAsync(connection, transaction, projectId, model, importerId, lines, cancellationToken);
            await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("refiImport", projectId, projectId, new Dictionary<string, string?>
            {
                ["origin"] = model.Origin,
                ["documents"] = result.Documents.ToString(CultureInfo.InvariantCulture),
                ["codes"] = result.Codes.ToString(CultureInfo.InvariantCulture),
                ["codings"] = result.Codings.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new ValidationException([new ValidationError("file", "Het bestand bevat een GUID die al in dit project bestaat of twee keer voorkomt; het is niets ingelezen. " + ex.Message)]);
        }
    }

    private async Task<ProjectImportResult> ImportCoreAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, RefiProject model, long importerId, List<RefiImportLine> lines, CancellationToken cancellationToken)
    {
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var existingCodes = books.SelectMany(b => b.Codes).GroupBy(c => c.Guid).ToDictionary(g => g.Key, g => g.First().Id);
        var existingBooks = books.ToDictionary(b => b.Guid, b => b.Id);
        var codeIds = new Dictionary<Guid, long>();
        var created = 0;
        var matched = 0;
        long? importBook = null;
        var fromHere = model.Origin == Origin;

        async Task<long> ImportBookAsync()
        {
            importBook ??= await _codebooks.InsertCodebookAsync(connection, transaction, projectId, CodebookExchange.Trim("Ingelezen uit " + model.Name, CodebookStore.CodeNameMaxLength),
                $"Codes uit een REFI-QDA-project ({model.Origin}).", Guid.NewGuid(), cancellationToken);
            return importBook.Value;
        }

        async Task AddCodesAsync(IReadOnlyList<RefiCode> codes, long? bookId, long? parentId)
        {
            foreach (var code in codes)
            {
                if (existingCodes.TryGetValue(code.Guid, out var existing))
                {
                    codeIds[code.Guid] = existing;
                    matched++;
                    await AddCodesAsync(code.Children, null, existing);
                    continue;
                }

                var book = bookId ?? await ImportBookAsync();
                if (parentId is { } p && bookId is null)
                {
                    // a new child of an existing code lands in the import codebook, at its top level
                    parentId = null;
                    _ = p;
                }

                var (definition, guidance) = CodebookExchange.Split(code.Description);
                var name = CodebookExchange.Trim(string.IsNullOrWhiteSpace(code.Name) ? "(zonder naam)" : code.Name, CodebookStore.CodeNameMaxLength);
                var id = await _codebooks.InsertCodeAsync(connection, transaction, book,
                    new CodeDraft(name, "", CodebookExchange.Trim(definition, CodebookStore.CodeTextMaxLength), CodebookExchange.Trim(guidance, CodebookStore.CodeTextMaxLength), parentId,
                        code.Color is { Length: 7 } color && color[0] == '#' ? color : null, code.IsCodable), code.Guid, cancellationToken);
                codeIds[code.Guid] = id;
                created++;
                await AddCodesAsync(code.Children, book, id);
            }
        }

        foreach (var top in model.Codes)
        {
            if (fromHere && existingBooks.ContainsKey(top.Guid))
            {
                await AddCodesAsync(top.Children, null, null);
            }
            else if (fromHere && !top.IsCodable)
            {
                // a project codebook of another ImplementatieMonitor project: recreate it with its GUID
                var (definition, _) = CodebookExchange.Split(top.Description);
                var bookId = await _codebooks.InsertCodebookAsync(connection, transaction, projectId, CodebookExchange.Trim(top.Name, CodebookStore.CodeNameMaxLength),
                    CodebookExchange.Trim(definition, CodebookStore.CodeTextMaxLength), top.Guid, cancellationToken);
                await AddCodesAsync(top.Children, bookId, null);
            }
            else
            {
                await AddCodesAsync([top], null, null);
            }
        }

        lines.Add(new RefiImportLine("Code", created + matched, 0, matched > 0 ? $"{matched} herkend als bestaande code (zelfde GUID), {created} nieuw" : null));

        var accounts = (await connection.QueryAsync(transaction, "SELECT display_name, min(id) FROM users GROUP BY display_name;",
            reader => (Name: reader.GetString(0), Id: reader.GetInt64(1)), cancellationToken)).ToDictionary(a => a.Name, a => a.Id, StringComparer.Ordinal);

        var users = model.Users.ToDictionary(u => u.Guid, u => u.Name);
        var notes = model.Notes.ToDictionary(n => n.Guid, n => n.Text);
        var usedNotes = new HashSet<Guid>();
        int documents = 0, codings = 0, dropped = 0;
        var dropReasons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var source in model.Sources)
        {
            var text = TextNormalizer.Normalize(source.Text);
            if (text.Trim().Length == 0)
            {
                dropReasons.Add($"bron '{source.Name}' is leeg");
                continue;
            }

            var spans = source.Selections.Select(s => new TextSpan(s.Start, s.End)).ToList();
            var mapped = text == source.Text ? spans.Select(s => (TextSpan?)s).ToList() : OffsetMapper.Map(source.Text, text, spans).ToList();
            var documentId = await _documents.InsertUploadAsync(connection, transaction, projectId, string.IsNullOrWhiteSpace(source.Name) ? "Bron " + source.Guid : source.Name,
                "overig", "project.qdpx", text, source.Guid, null, "Import", cancellationToken);
            documents++;
            var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).Single();
            for (var i = 0; i < source.Selections.Count; i++)
            {
                var selection = source.Selections[i];
                if (mapped[i] is not { } span)
                {
                    dropped += selection.Codings.Count;
                    dropReasons.Add("fragment valt weg bij het normaliseren van de tekst (regeleinden of Unicode)");
                    continue;
                }

                var (valence, _, _) = ParseDescription(selection.Description);
                var memo = string.Join("\n\n", selection.NoteRefs.Where(notes.ContainsKey).Select(n => notes[n]));
                usedNotes.UnionWith(selection.NoteRefs);
                for (var j = 0; j < selection.Codings.Count; j++)
                {
                    var coding = selection.Codings[j];
                    if (!codeIds.TryGetValue(coding.CodeGuid, out var codeId))
                    {
                        dropped++;
                        dropReasons.Add("codering verwijst naar een onbekende code");
                        continue;
                    }

                    var userGuid = coding.CreatingUser ?? selection.CreatingUser;
                    var userName = userGuid is { } g ? users.GetValueOrDefault(g) : null;
                    long coderId = userName is not null && accounts.TryGetValue(userName, out var account) ? account : importerId;
                    var guid = j == 0 ? selection.Guid : coding.Guid;
                    var when = (coding.CreatedUtc ?? selection.CreatedUtc)?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
                        ?? DateTimeOffset.UnixEpoch.ToString("O", CultureInfo.InvariantCulture);
                    try
                    {
                        var id = await CodingStore.InsertCodingAsync(connection, transaction, projectId, document,
                            new CodingInput(documentId, codeId, span.Start, span.End, valence, CodebookExchange.Trim(memo, CodingStore.MemoMaxLength)), coderId, guid, when, cancellationToken);
                        if (coderId == importerId && userGuid is { } external && userName is not null && !accounts.ContainsKey(userName))
                        {
                            await connection.ExecuteAsync(transaction, "UPDATE codings SET external_coder_guid = @g, external_coder_name = @n WHERE id = @id;", cancellationToken,
                                ("@g", external.ToString()), ("@n", CodebookExchange.Trim(userName, 200)), ("@id", id));
                        }

                        codings++;
                    }
                    catch (ValidationException ex)
                    {
                        dropped++;
                        dropReasons.Add(ex.Message);
                    }
                }
            }
        }

        lines.Add(new RefiImportLine("TextSource", documents, model.Sources.Count - documents, null));
        lines.Add(new RefiImportLine("Coding", codings, dropped, dropReasons.Count == 0 ? null : string.Join("; ", dropReasons.Take(5))));
        lines.Add(new RefiImportLine("Note", usedNotes.Count(notes.ContainsKey), notes.Count - usedNotes.Count(notes.ContainsKey), notes.Count > usedNotes.Count ? "alleen notities bij een fragment worden ingelezen (als memo)" : null));
        lines.Add(new RefiImportLine("Case", 0, model.Cases.Count, model.Cases.Count > 0 ? "cases worden niet overgenomen; bronnen worden losse documenten" : null));
        lines.Add(new RefiImportLine("Variable", 0, model.Variables.Count, model.Variables.Count > 0 ? "variabelen worden niet overgenomen" : null));
        return new ProjectImportResult(lines, documents, created, codings);
    }
}
