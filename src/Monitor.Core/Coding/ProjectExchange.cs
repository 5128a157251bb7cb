using System.Data.Common;
using System.Globalization;
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
/// .qdpx made here or by ATLAS.ti, NVivo, MAXQDA, QualCoder or another tool.
/// Mapping (docs/refi-qda.md): every document (current version) is a TextSource; every coding a PlainTextSelection
/// named after its text with one Coding whose creatingUser is the coder; codebooks are non-codable top-level codes;
/// the selection's Description holds the memo, then valence and round (<see cref="CodingDescription"/>), and the
/// memo is also a Note with a NoteRef; every round is a Set; groups and meetings are Cases; phase, date, group, kind
/// and imported attributes are Variables. Every export applies the project's pseudonym list: in the .qdpx to the
/// texts (with the selections' offsets moved along), titles, memos and the description; in the CSV to text and memo.
/// </summary>
public sealed class ProjectExchange
{
    public const long MaxQdpxBytes = 50 * 1024 * 1024;
    public const string Origin = "ImplementatieMonitor";

    private const string RoundSetMarker = "ImplementatieMonitor-ronde";
    private const int SelectionNameMaxLength = 200;

    private readonly MonitorDatabase _database;
    private readonly CodebookStore _codebooks;
    private readonly CodingDocumentStore _documents;
    private readonly AuditStore _audit;
    private readonly ProjectStore _projects;
    private readonly PrivacyStore _privacy;
    private readonly TimeProvider _time;

    public ProjectExchange(MonitorDatabase database, CodebookStore codebooks, CodingDocumentStore documents, AuditStore audit, ProjectStore projects, PrivacyStore privacy, TimeProvider time)
    {
        _database = database;
        _codebooks = codebooks;
        _documents = documents;
        _audit = audit;
        _projects = projects;
        _privacy = privacy;
        _time = time;
    }

    private sealed record ExportCoding(Coding Coding, string? ExternalGuid, string? RoundName, string VersionText, string? FileCoderGuid, string? FileCoderName);

    /// <summary>Builds the REFI-QDA model of a project (null when the project does not exist).</summary>
    public async Task<RefiProject?> BuildAsync(long projectId, CancellationToken cancellationToken = default)
    {
        const string codingsSql = $"""
            SELECT {CodingStore.CodingColumns}, c.external_coder_guid, r.name, v.text, fc.guid, fc.name
            FROM codings c JOIN document_versions v ON v.id = c.version_id LEFT JOIN users u ON u.id = c.coder_id
            LEFT JOIN coding_rounds r ON r.id = c.round_id LEFT JOIN file_coders fc ON fc.id = c.file_coder_id
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
        await using var transaction = connection.BeginRead();
        var books = WithUniqueGuids(await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken));
        var codes = books.SelectMany(b => b.Codes).ToDictionary(c => c.Id);
        var timeline = await FragmentQueries.ReadPhaseHistoryAsync(connection, transaction, projectId, cancellationToken);
        var phaseNames = (await connection.QueryAsync(transaction, "SELECT number, name_nl FROM movisie_phases;", reader => (Number: reader.GetInt32(0), Name: reader.GetString(1)), cancellationToken))
            .ToDictionary(p => p.Number, p => p.Name);
        var codings = await connection.QueryAsync(transaction, codingsSql, reader =>
        {
            var coding = CodingStore.ReadCoding(reader);
            return new ExportCoding(coding, reader.GetStringOrNull(15), reader.GetStringOrNull(16), reader.GetString(17), reader.GetStringOrNull(18), reader.GetStringOrNull(19));
        }, cancellationToken, ("@project", projectId));
        var attributes = await DocumentAttributes.ReadAsync(connection, transaction, projectId, cancellationToken);

        var users = new Dictionary<Guid, RefiUser>();
        Guid UserOf(ExportCoding c)
        {
            // a file coder not (yet) mapped to an account keeps the GUID and the name it had in its file
            var fileCoder = c.Coding.CoderId < 0 && c.FileCoderGuid is not null;
            var guid = fileCoder ? Guid.Parse(c.FileCoderGuid!)
                : c.ExternalGuid is { } external ? Guid.Parse(external)
                : c.Coding.CoderId == 0 ? StableGuid.From("deleted-user:" + c.Coding.CoderName)
                : StableGuid.From("user:" + c.Coding.CoderId.ToString(CultureInfo.InvariantCulture));
            users.TryAdd(guid, new RefiUser(guid, fileCoder ? c.FileCoderName ?? c.Coding.CoderName : c.Coding.CoderName));
            return guid;
        }

        var phaseVariable = new RefiVariable(StableGuid.From("variable:fase"), "Fase", RefiVariableType.Text, "Movisie-fase van het project op de datum van de bijeenkomst");
        var dateVariable = new RefiVariable(StableGuid.From("variable:datum"), "Datum", RefiVariableType.Date, "Datum van de bijeenkomst of van het toevoegen");
        var groupVariable = new RefiVariable(StableGuid.From("variable:groep"), "Groep", RefiVariableType.Text, null);
        var kindVariable = new RefiVariable(StableGuid.From("variable:soort"), "Soort", RefiVariableType.Text, "verslag, slotreflectie of geüpload document");
        var builtIn = new[] { phaseVariable, dateVariable, groupVariable, kindVariable }.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var attributeVariables = attributes.Values.SelectMany(a => a.Keys).Where(n => !builtIn.ContainsKey(n)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(n => new RefiVariable(StableGuid.From("variable:attribute:" + n), n, RefiVariableType.Text, "Kenmerk uit een ingelezen project"))
            .ToDictionary(v => v.Name, StringComparer.Ordinal);
        var notes = new List<RefiNote>();
        var sources = new List<RefiTextSource>();
        var byDocument = codings.ToLookup(c => c.Coding.DocumentId);
        foreach (var document in documents)
        {
            var (text, mapOffset) = names.ApplyKeepingOffsets(byDocument[document.Id].FirstOrDefault(c => c.Coding.VersionId == document.VersionId)?.VersionText
                ?? (await CodingDocumentStore.ReadVersionAsync(connection, transaction, document.VersionId, cancellationToken)).Text);
            var date = document.HeldOn ?? DateOnly.FromDateTime(DutchClock.ToDutch(document.CreatedAt).DateTime);
            var phase = timeline.At(date);
            var values = new List<RefiVariableValue>
            {
                new(phaseVariable.Guid, phase is { } known ? $"{known} · {phaseNames.GetValueOrDefault(known, "")}" : "fase onbekend"),
                new(dateVariable.Guid, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new(kindVariable.Guid, Codes.ToCode(document.Kind)),
            };
            if (document.GroupName is { } group)
            {
                values.Add(new RefiVariableValue(groupVariable.Guid, group));
            }

            // attributes of an imported file (respondent and case variables); a built-in value of the same name wins
            foreach (var (name, value) in attributes.GetValueOrDefault(document.Id) ?? [])
            {
                var variable = builtIn.GetValueOrDefault(name) ?? attributeVariables[name];
                if (values.All(v => v.VariableGuid != variable.Guid))
                {
                    values.Add(new RefiVariableValue(variable.Guid, names.Apply(value)));
                }
            }

            var selections = new List<RefiSelection>();
            foreach (var c in byDocument[document.Id].Where(c => c.Coding.VersionId == document.VersionId))
            {
                var user = UserOf(c);
                var memo = names.Apply(c.Coding.Memo);
                var noteRefs = new List<Guid>();
                if (memo.Length > 0)
                {
                    var note = new RefiNote(StableGuid.From("memo:" + c.Coding.Guid), "Memo bij " + codes[c.Coding.CodeId].NameNl, memo, user, c.Coding.CreatedAt);
                    notes.Add(note);
                    noteRefs.Add(note.Guid);
                }

                var (start, end) = (mapOffset(c.Coding.Start, false), mapOffset(c.Coding.End, true));
                // the coded text as the selection's name, as QualCoder and ATLAS.ti write it: importers check positions against it
                var fragment = CodePoints.Slice(text, start, end);
                var selectionName = CodePoints.Length(fragment) > SelectionNameMaxLength ? CodePoints.Slice(fragment, 0, SelectionNameMaxLength - 1) + "…" : fragment;
                selections.Add(new RefiSelection(c.Coding.Guid, selectionName, start, end, user, c.Coding.CreatedAt,
                    CodingDescription.Format(memo, c.Coding.Valence, c.RoundName, c.Coding.IsConsensus),
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

        var sets = await RoundSetsAsync(connection, transaction, projectId, codings.Where(c => c.Coding.RoundId is not null).Select(c => c.Coding.RoundId!.Value).ToHashSet(),
            documents.Select(d => d.Guid).ToHashSet(), cancellationToken);
        var refiCodes = books.Select(b => new RefiCode(b.Guid, b.Name, false, null, b.Description.Length == 0 ? null : b.Description, CodebookExchange.ToRefiCodes(b.Codes, null))).ToList();
        return new RefiProject(project.Name, Origin, null, users.Values.OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Guid).ToList(), refiCodes,
            [phaseVariable, dateVariable, groupVariable, kindVariable, .. attributeVariables.Values], cases, sources, notes,
            project.Description.Length == 0 ? null : names.Apply(project.Description), sets);
    }

    // One Set per round with exported codings: name "Ronde: …", its status in the Description after a marker line, its documents as members.
    private static async Task<List<RefiSet>> RoundSetsAsync(DbConnection connection, DbTransaction transaction, long projectId, HashSet<long> roundIds, HashSet<Guid> exported, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT r.id, r.name, r.status, d.guid FROM coding_rounds r
            JOIN coding_round_documents rd ON rd.round_id = r.id JOIN coding_documents d ON d.id = rd.document_id
            WHERE r.project_id = @project ORDER BY r.id, d.id;
            """;
        var rows = await connection.QueryAsync(transaction, sql, reader => (Round: reader.GetInt64(0), Name: reader.GetString(1), Status: reader.GetString(2), Document: Guid.Parse(reader.GetString(3))),
            cancellationToken, ("@project", projectId));
        return rows.Where(r => roundIds.Contains(r.Round)).GroupBy(r => (r.Round, r.Name, r.Status))
            .Select(g => new RefiSet(StableGuid.From("round:" + g.Key.Round.ToString(CultureInfo.InvariantCulture)), CodingDescription.RoundPrefix + g.Key.Name,
                $"{RoundSetMarker}\nStatus: {g.Key.Status}", [], g.Select(r => r.Document).Where(exported.Contains).ToList()))
            .ToList();
    }

    // A .qdc imported before codebook imports checked GUIDs can have left two codes with one GUID; the export must stay
    // valid, so a later duplicate gets a GUID derived from its id (the same in every export).
    private static List<Codebook> WithUniqueGuids(IReadOnlyList<Codebook> books)
    {
        var seen = new HashSet<Guid>(books.Select(b => b.Guid));
        return books.Select(b => b with
        {
            Codes = b.Codes.Select(c => seen.Add(c.Guid) ? c : c with { Guid = StableGuid.From("code:" + c.Id.ToString(CultureInfo.InvariantCulture)) }).ToList(),
        }).ToList();
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
                    var (_, valence, round, consensus) = CodingDescription.Parse(selection.Description);
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


    /// <summary>
    /// Imports a .qdpx into the project in one transaction: text sources become documents (GUIDs kept, text normalised,
    /// each source's position convention detected, <see cref="RefiPositions"/>), codes are matched to the project's codes
    /// by GUID or added to a new codebook, every coder of the file stays a coder of its own (<see cref="FileCoderStore"/>),
    /// codings keep span, code, date, valence, memo (selection Description and NoteRefs) and round, sources keep their
    /// variables and cases as document attributes. What the file holds but the project cannot keep is counted and
    /// explained in the report (kept + dropped per element type = what the file holds). Throws a
    /// <see cref="ValidationException"/> naming the file or element when the file cannot be read at all; nothing is saved then.
    /// </summary>
    public async Task<ProjectImportResult> ImportQdpxAsync(long projectId, Stream input, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is null)
        {
            throw new ValidationException("Alleen een ingelogde gebruiker kan een project inlezen.");
        }

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
        var report = new RefiImportReportBuilder(read.Report);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        try
        {
            var (documents, codes, codings) = await ImportCoreAsync(connection, transaction, projectId, model, report, cancellationToken);
            await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("refiImport", projectId, projectId, new Dictionary<string, string?>
            {
                ["origin"] = model.Origin,
                ["documents"] = documents.ToString(CultureInfo.InvariantCulture),
                ["codes"] = codes.ToString(CultureInfo.InvariantCulture),
                ["codings"] = codings.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ProjectImportResult(report.Build().Lines, documents, codes, codings);
        }
        catch (DbException ex) when (ex.IsConstraintViolation())
        {
            throw new ValidationException([new ValidationError("file", "Het bestand bevat een GUID die al in dit project bestaat of twee keer voorkomt; er is niets ingelezen. " + ex.Message)]);
        }
    }

    private async Task<(int Documents, int Codes, int Codings)> ImportCoreAsync(DbConnection connection, DbTransaction transaction, long projectId, RefiProject model, RefiImportReportBuilder report, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var codeIds = await ImportCodesAsync(connection, transaction, projectId, model, report, cancellationToken);
        var created = codeIds.Created;
        var userNames = model.Users.GroupBy(u => u.Guid).ToDictionary(g => g.Key, g => g.First().Name);
        var notes = model.Notes.ToDictionary(n => n.Guid);
        var usedNotes = new HashSet<Guid>();
        var fileCoders = new Dictionary<Guid, (long Id, long? UserId)>();
        var rounds = new Dictionary<string, long>(StringComparer.Ordinal);
        var consensusRounds = new HashSet<long>();
        var attributes = Attributes(model);
        var unknownCoder = StableGuid.From("refi-unknown-user:" + model.Origin);
        int documents = 0, codings = 0;
        foreach (var source in model.Sources)
        {
            var codingsHere = source.Selections.Sum(s => s.Codings.Count);
            var text = TextNormalizer.Normalize(source.Text);
            if (text.Trim().Length == 0)
            {
                report.Demote("TextSource", "bron zonder tekst");
                report.Demote("Coding", "hoort bij een bron zonder tekst", codingsHere);
                report.Demote("PlainTextSelection", "hoort bij een bron zonder tekst", source.Selections.Count);
                continue;
            }

            var positions = RefiPositions.Detect(source, model.Origin);
            if (positions.DiffersFromSpecification)
            {
                report.Explain("TextSource", $"'{source.Name}': {positions.Describe()} (herkend aan de geselecteerde tekst)");
            }

            var map = NormalizedText.Build(source.Text);
            var documentId = await _documents.InsertUploadAsync(connection, transaction, projectId, string.IsNullOrWhiteSpace(source.Name) ? "Bron " + source.Guid : source.Name,
                "overig", "project.qdpx", text, source.Guid, null, "Import", cancellationToken);
            documents++;
            if (attributes.GetValueOrDefault(source.Guid) is { Count: > 0 } sourceAttributes)
            {
                await DocumentAttributes.WriteAsync(connection, transaction, documentId, sourceAttributes, cancellationToken);
            }

            var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).Single();
            foreach (var selection in source.Selections)
            {
                var (memo, valence, roundName, consensus) = CodingDescription.Parse(selection.Description);
                var noteTexts = selection.NoteRefs.Where(notes.ContainsKey).Select(n => notes[n].Text.Trim()).Where(t => t.Length > 0 && t != memo).ToList();
                memo = string.Join("\n\n", noteTexts.Prepend(memo).Where(t => t.Length > 0));
                usedNotes.UnionWith(selection.NoteRefs);
                if (selection.Codings.Count == 0)
                {
                    report.Demote("PlainTextSelection", "selectie zonder code (een annotatie): geen codering om in te lezen" + (memo.Length > 0 ? $", tekst: '{Shorten(memo)}'" : ""));
                    continue;
                }

                var span = ToNormalized(positions, map, source.Text, text, selection);
                if (span is null)
                {
                    report.Demote("Coding", $"de selectie ligt buiten de tekst van '{source.Name}' of bevat alleen weggelaten tekens (zoals een regeleinde)", selection.Codings.Count);
                    continue;
                }

                if (model.Origin != Origin && !positions.NameMatches(selection, source.Text))
                {
                    report.Explain("Coding", $"in '{source.Name}' wijkt de tekst bij {selection.Start}–{selection.End} af van de naam van de selectie ('{Shorten(selection.Name ?? "")}'); de codering staat op '{Shorten(CodePoints.Slice(text, span.Value.Start, span.Value.End))}'");
                }

                long? roundId = null;
                if (roundName is not null)
                {
                    if (!rounds.TryGetValue(roundName, out var existing))
                    {
                        existing = await RoundStore.InsertRoundAsync(connection, transaction, projectId, CodebookExchange.Trim(roundName, 200), [], [], "Import", now, cancellationToken);
                        rounds[roundName] = existing;
                    }

                    roundId = existing;
                    await connection.ExecuteAsync(transaction, "INSERT INTO coding_round_documents (round_id, document_id) VALUES (@round, @document) ON CONFLICT DO NOTHING;", cancellationToken,
                        ("@round", roundId), ("@document", documentId));
                    if (consensus)
                    {
                        consensusRounds.Add(existing);
                    }
                }

                for (var j = 0; j < selection.Codings.Count; j++)
                {
                    var coding = selection.Codings[j];
                    if (!codeIds.Ids.TryGetValue(coding.CodeGuid, out var codeId))
                    {
                        report.Demote("Coding", "verwijst naar een code die niet is ingelezen");
                        continue;
                    }

                    var userGuid = coding.CreatingUser ?? selection.CreatingUser ?? unknownCoder;
                    if (!fileCoders.TryGetValue(userGuid, out var coder))
                    {
                        var name = userNames.GetValueOrDefault(userGuid) ?? (userGuid == unknownCoder ? $"Onbekende codeur ({(model.Origin.Length == 0 ? "bestand" : model.Origin)})" : "");
                        coder = await FileCoderStore.EnsureAsync(connection, transaction, projectId, userGuid, name, model.Origin, now, cancellationToken);
                        fileCoders[userGuid] = coder;
                    }

                    var guid = j == 0 ? selection.Guid : coding.Guid;
                    var when = (coding.CreatedUtc ?? selection.CreatedUtc)?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)
                        ?? DateTimeOffset.UnixEpoch.ToString("O", CultureInfo.InvariantCulture);
                    try
                    {
                        var id = await CodingStore.InsertCodingAsync(connection, transaction, projectId, document,
                            new CodingInput(documentId, codeId, span.Value.Start, span.Value.End, valence, CodebookExchange.Trim(memo, CodingStore.MemoMaxLength), roundId, consensus),
                            coder.UserId, guid, when, cancellationToken, coder.Id);
                        if (coder.UserId is null)
                        {
                            await connection.ExecuteAsync(transaction, "UPDATE codings SET external_coder_guid = @g, external_coder_name = (SELECT name FROM file_coders WHERE id = @coder) WHERE id = @id;",
                                cancellationToken, ("@g", userGuid.ToString()), ("@coder", coder.Id), ("@id", id));
                        }

                        codings++;
                    }
                    catch (ValidationException ex)
                    {
                        report.Demote("Coding", ex.Errors.Count > 0 && ex.Errors[0].Message.Contains("overlapt", StringComparison.Ordinal)
                            ? "dubbel: dezelfde codeur heeft dezelfde code al op (een deel van) deze tekst"
                            : ex.Message);
                    }
                }
            }
        }

        foreach (var roundId in consensusRounds.Union(ClosedRounds(model, rounds)))
        {
            await connection.ExecuteAsync(transaction, "UPDATE coding_rounds SET status = 'gesloten', closed_at = @now WHERE id = @id;", cancellationToken, ("@now", now), ("@id", roundId));
        }

        ReportRest(model, report, fileCoders.Keys.ToHashSet(), usedNotes, rounds.Count);
        return (documents, created, codings);
    }

    // The span in the normalised text: positions read in the source's convention, then carried through normalisation
    // (a removed CR shrinks the span); when the letter-by-letter map cannot be made, a diff carries the span or drops it.
    private static TextSpan? ToNormalized(RefiPositions positions, NormalizedText? map, string raw, string text, RefiSelection selection)
    {
        if (positions.ToCodePoints(selection) is not { } points)
        {
            return null;
        }

        if (map is not null)
        {
            return map.Map(points.Start, points.End);
        }

        return points.Start < points.End ? OffsetMapper.Map(raw, text, [new TextSpan(points.Start, points.End)])[0] : null;
    }

    // Rounds whose Set (written by ImplementatieMonitor) says they were closed.
    private static IEnumerable<long> ClosedRounds(RefiProject model, Dictionary<string, long> rounds) =>
        model.Sets.Where(s => (s.Description ?? "").StartsWith(RoundSetMarker, StringComparison.Ordinal) && (s.Description ?? "").Contains("Status: gesloten", StringComparison.Ordinal)
                && s.Name.StartsWith(CodingDescription.RoundPrefix, StringComparison.Ordinal))
            .Select(s => rounds.GetValueOrDefault(s.Name[CodingDescription.RoundPrefix.Length..]))
            .Where(id => id != 0);

    // Per source: its own variable values, then those of the cases it belongs to, and the case names as "Casus".
    private static Dictionary<Guid, Dictionary<string, string>> Attributes(RefiProject model)
    {
        var variables = model.Variables.ToDictionary(v => v.Guid, v => v.Name);
        var result = model.Sources.ToDictionary(s => s.Guid, s => s.Values.Where(v => variables.ContainsKey(v.VariableGuid))
            .GroupBy(v => variables[v.VariableGuid].Trim()).Where(g => g.Key.Length > 0).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));
        foreach (var @case in model.Cases)
        {
            foreach (var source in @case.SourceRefs.Where(result.ContainsKey))
            {
                var attributes = result[source];
                foreach (var value in @case.Values.Where(v => variables.ContainsKey(v.VariableGuid)))
                {
                    attributes.TryAdd(variables[value.VariableGuid].Trim(), value.Value);
                }

                if (@case.Name.Trim().Length > 0)
                {
                    attributes["Casus"] = attributes.TryGetValue("Casus", out var cases) && cases != @case.Name ? cases + "; " + @case.Name : @case.Name;
                }
            }
        }

        return result;
    }

    // What the project keeps of users, notes, cases, variables and sets, in the report's terms.
    private static void ReportRest(RefiProject model, RefiImportReportBuilder report, HashSet<Guid> coders, HashSet<Guid> usedNotes, int rounds)
    {
        var idle = model.Users.Count(u => !coders.Contains(u.Guid));
        report.Demote("User", "heeft in dit bestand niets gecodeerd", idle);
        if (coders.Count > 0)
        {
            report.Explain("User", "elke codeur blijft een eigen codeur (herkend aan de GUID); koppel die aan een account onder 'Codeurs uit bestanden'");
        }

        var unused = model.Notes.Count(n => !usedNotes.Contains(n.Guid));
        report.Demote("Note", "alleen notities bij een gecodeerd fragment worden ingelezen (als memo)", unused);
        if (model.Cases.Count > 0)
        {
            report.Explain("Case", "bewaard als kenmerk 'Casus' van de documenten, met de waarden van de casus");
        }

        if (model.Variables.Count > 0)
        {
            report.Explain("Variable", "bewaard als kenmerken van de documenten");
        }

        foreach (var set in model.Sets)
        {
            var isRound = (set.Description ?? "").StartsWith(RoundSetMarker, StringComparison.Ordinal);
            if (!isRound)
            {
                report.Demote("Set", $"groep '{set.Name}' ({set.MemberCodes.Count} codes, {set.MemberSources.Count} bronnen) wordt niet overgenomen; de codes en bronnen zelf wel");
            }
        }

        if (rounds > 0)
        {
            report.Explain("Set", $"{rounds} coderingsronde(n) overgenomen, met de consensuscoderingen");
        }
    }

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 60 ? flat : flat[..57] + "…";
    }

    private sealed record ImportedCodes(Dictionary<Guid, long> Ids, int Created);

    // Codes are matched to the project's codes (built-in and own) by GUID; new ones go into an import codebook, or, for
    // a codebook exported by ImplementatieMonitor, into a recreated codebook with its GUID.
    private async Task<ImportedCodes> ImportCodesAsync(DbConnection connection, DbTransaction transaction, long projectId, RefiProject model, RefiImportReportBuilder report, CancellationToken cancellationToken)
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

                // a new child of an existing code lands at the top level of the import codebook
                var book = bookId ?? await ImportBookAsync();
                var parent = bookId is null ? null : parentId;
                var (definition, guidance) = CodebookExchange.Split(code.Description);
                var name = CodebookExchange.Trim(string.IsNullOrWhiteSpace(code.Name) ? "(zonder naam)" : code.Name, CodebookStore.CodeNameMaxLength);
                var id = await _codebooks.InsertCodeAsync(connection, transaction, book,
                    new CodeDraft(name, "", CodebookExchange.Trim(definition, CodebookStore.CodeTextMaxLength), CodebookExchange.Trim(guidance, CodebookStore.CodeTextMaxLength), parent,
                        code.Color is { Length: 7 } color && color[0] == '#' ? color : null, code.IsCodable), code.Guid, cancellationToken);
                existingCodes[code.Guid] = id;
                codeIds[code.Guid] = id;
                created++;
                await AddCodesAsync(code.Children, book, id);
            }
        }

        foreach (var top in model.Codes)
        {
            if (fromHere && existingBooks.ContainsKey(top.Guid))
            {
                matched++;
                await AddCodesAsync(top.Children, null, null);
            }
            else if (fromHere && !top.IsCodable)
            {
                // a project codebook of another ImplementatieMonitor project: recreate it with its GUID
                var (definition, _) = CodebookExchange.Split(top.Description);
                var bookId = await _codebooks.InsertCodebookAsync(connection, transaction, projectId, CodebookExchange.Trim(top.Name, CodebookStore.CodeNameMaxLength),
                    CodebookExchange.Trim(definition, CodebookStore.CodeTextMaxLength), top.Guid, cancellationToken);
                existingBooks[top.Guid] = bookId;
                matched++;
                await AddCodesAsync(top.Children, bookId, null);
            }
            else
            {
                await AddCodesAsync([top], null, null);
            }
        }

        if (matched > 0)
        {
            report.Explain("Code", $"{matched} herkend als bestaande code of codeboek (zelfde GUID), {created} nieuw");
        }

        return new ImportedCodes(codeIds, created);
    }
}
