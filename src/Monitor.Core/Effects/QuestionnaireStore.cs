using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Effects;

/// <summary>A project's questionnaires with their items; each write is one transaction with its audit entry.</summary>
public sealed class QuestionnaireStore
{
    public const int TitleMaxLength = 200;
    public const int ItemMaxLength = 500;
    public const int MaxItems = 200;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int OptionMaxLength = 200;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public QuestionnaireStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>Creates a questionnaire with its items in order; null when there is no such project.</summary>
    /// <exception cref="ValidationException">No title, no items, too many or too long; nothing was written.</exception>
    public Task<long?> CreateAsync(long projectId, string title, TargetGroup targetGroup, IReadOnlyList<ItemDraft> items, Actor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(projectId, title, targetGroup, items, actor, null, cancellationToken);

    /// <summary>As above, with <paramref name="alongside"/> writing more in the same transaction (given the new questionnaire's id), such as the MIDI survey's determinants.</summary>
    internal async Task<long?> CreateAsync(long projectId, string title, TargetGroup targetGroup, IReadOnlyList<ItemDraft> items, Actor actor,
        Func<DbConnection, DbTransaction, long, Task>? alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", title, TitleMaxLength, "de titel van de vragenlijst");
        if (items.Count == 0)
        {
            errors.Add(new ValidationError("items", "Een vragenlijst heeft minstens één vraag."));
        }

        if (items.Count > MaxItems)
        {
            errors.Add(new ValidationError("items", $"Een vragenlijst heeft hooguit {MaxItems} vragen."));
        }

        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            CheckItem(errors, item, i + 1);
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await InsertAsync(connection, transaction, projectId, title.Trim(), targetGroup, items, new Lineage(1, null, null), actor, cancellationToken) is not { } id)
        {
            return null;
        }

        if (alongside is not null)
        {
            await alongside(connection, transaction, id);
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Copies a questionnaire of a project the user may read into <paramref name="projectId"/>: sections, items, kinds and
    /// reverse scoring (and a MIDI survey's determinants and thresholds), no rounds and no responses, titled
    /// "… (kopie uit project A)". Null when there is no such project or the source is not in a project
    /// <paramref name="mayRead"/> allows, so a questionnaire the user cannot read looks the same as one that does not exist.
    /// </summary>
    /// <exception cref="ValidationException">The project already has a questionnaire of that title; nothing was written.</exception>
    public async Task<long?> CopyAsync(long projectId, long fromQuestionnaireId, Func<long, bool> mayRead, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var sources = await connection.QueryAsync(transaction, "SELECT q.project_id, p.name FROM questionnaires q JOIN projects p ON p.id = q.project_id WHERE q.id = @q;",
            reader => (ProjectId: reader.GetInt64(0), ProjectName: reader.GetString(1)), cancellationToken, ("@q", fromQuestionnaireId));
        if (sources is not [var source] || !mayRead(source.ProjectId))
        {
            return null;
        }

        var questionnaire = (await ReadAsync(connection, transaction, source.ProjectId, fromQuestionnaireId, cancellationToken)).Single();
        var id = await InsertCopyAsync(connection, transaction, projectId, questionnaire, Titled(questionnaire.Title, $" (kopie uit {source.ProjectName})"),
            new Lineage(1, null, fromQuestionnaireId), actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// "Nieuwe versie": copies the project's questionnaire as version n + 1 linked to it, titled "… (versie n + 1)". Rounds
    /// made earlier keep their version; a new round can choose the new one. Null when the project has no such questionnaire.
    /// </summary>
    /// <exception cref="ValidationException">A newer version exists already; nothing was written.</exception>
    public async Task<long?> NewVersionAsync(long projectId, long questionnaireId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if ((await ReadAsync(connection, transaction, projectId, questionnaireId, cancellationToken)).SingleOrDefault() is not { } questionnaire)
        {
            return null;
        }

        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM questionnaires WHERE previous_id = @q;", cancellationToken, ("@q", questionnaireId)) is not null)
        {
            throw new ValidationException([new ValidationError("questionnaireId", $"Van '{questionnaire.Title}' bestaat al een nieuwere versie; maak de nieuwe versie van de laatste.")]);
        }

        var suffix = $" (versie {questionnaire.Version})";
        var baseTitle = questionnaire.Version > 1 && questionnaire.Title.EndsWith(suffix, StringComparison.Ordinal) ? questionnaire.Title[..^suffix.Length] : questionnaire.Title;
        var version = questionnaire.Version + 1;
        var id = await InsertCopyAsync(connection, transaction, projectId, questionnaire, Titled(baseTitle, $" (versie {version})"),
            new Lineage(version, questionnaireId, questionnaireId), actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The questionnaires of other projects the user may read, to copy from: id, title and the project's name.</summary>
    public async Task<IReadOnlyList<CopySource>> CopySourcesAsync(long projectId, Func<long, bool> mayRead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var all = await connection.QueryAsync(transaction, """
            SELECT q.id, q.title, q.project_id, p.name FROM questionnaires q JOIN projects p ON p.id = q.project_id
            WHERE q.project_id <> @p ORDER BY p.name, q.title;
            """, reader => new CopySource(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)), cancellationToken, ("@p", projectId));
        return [.. all.Where(s => mayRead(s.ProjectId))];
    }

    /// <summary>
    /// The rules of one item (Dutch messages under "items"): its text; reverse scoring only on a scale; options (2–20, each
    /// at most 200 characters, no two alike, no ";" in a multiple-choice option) only and always on a choice item; own
    /// labels (exactly 5) only on a 5-point item; bounds only on a number item, the lowest below the highest.
    /// </summary>
    public static void CheckItem(List<ValidationError> errors, ItemDraft item, int number)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(item);
        Checks.Required(errors, "items", item.Text, ItemMaxLength, $"de tekst van vraag {number}");
        Checks.Optional(errors, "items", item.Section, ItemMaxLength, $"de sectie van vraag {number}");
        if (item.ReverseScored && item.Kind is not (ItemKind.Likert5 or ItemKind.Smiley5 or ItemKind.Cijfer10))
        {
            errors.Add(new ValidationError("items", $"Vraag {number} kan niet omgescoord worden: alleen schaalvragen (likert5, smiley5, cijfer10)."));
        }

        var options = item.Options ?? [];
        if (item.Kind is ItemKind.EnkeleKeuze or ItemKind.MeerdereKeuzes)
        {
            if (options.Count is < MinOptions or > MaxOptions)
            {
                errors.Add(new ValidationError("items", $"Vraag {number} is een keuzevraag en heeft {MinOptions} tot {MaxOptions} keuzes nodig; nu {options.Count}."));
            }

            foreach (var (option, o) in options.Select((option, o) => (option, o + 1)))
            {
                Checks.Required(errors, "items", option, OptionMaxLength, $"keuze {o} van vraag {number}");
                if (item.Kind == ItemKind.MeerdereKeuzes && option?.Contains(';', StringComparison.Ordinal) == true)
                {
                    errors.Add(new ValidationError("items", $"Keuze {o} van vraag {number} bevat een puntkomma; die scheidt de aangekruiste keuzes."));
                }
            }

            if (options.Where(o => !string.IsNullOrWhiteSpace(o)).GroupBy(o => o.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                errors.Add(new ValidationError("items", $"Vraag {number} heeft de keuze '{twice.Key}' twee keer."));
            }
        }
        else if (options.Count > 0)
        {
            errors.Add(new ValidationError("items", $"Vraag {number} kan geen keuzes hebben: alleen enkelekeuze- en meerderekeuzesvragen."));
        }

        var labels = item.Labels ?? [];
        if (labels.Count > 0 && item.Kind is not (ItemKind.Likert5 or ItemKind.Smiley5))
        {
            errors.Add(new ValidationError("items", $"Vraag {number} kan geen eigen antwoordlabels hebben: alleen 5-puntsvragen (likert5, smiley5)."));
        }
        else if (labels.Count > 0)
        {
            if (labels.Count != LabelSets.LabelCount)
            {
                errors.Add(new ValidationError("items", $"Vraag {number} heeft {LabelSets.LabelCount} antwoordlabels nodig (van laag naar hoog); nu {labels.Count}."));
            }

            foreach (var (label, l) in labels.Select((label, l) => (label, l + 1)))
            {
                Checks.Required(errors, "items", label, LabelSets.LabelMaxLength, $"antwoordlabel {l} van vraag {number}");
            }
        }

        if ((item.Minimum is not null || item.Maximum is not null) && item.Kind != ItemKind.Getal)
        {
            errors.Add(new ValidationError("items", $"Vraag {number} kan geen onder- of bovengrens hebben: alleen getalvragen."));
        }
        else if (item.Minimum is { } min && item.Maximum is { } max && min >= max)
        {
            errors.Add(new ValidationError("items", $"Bij vraag {number} ligt de ondergrens ({min.ToString(CultureInfo.GetCultureInfo("nl-NL"))}) niet onder de bovengrens ({max.ToString(CultureInfo.GetCultureInfo("nl-NL"))})."));
        }

        if (item.Minimum is { } low && !double.IsFinite(low) || item.Maximum is { } high && !double.IsFinite(high))
        {
            errors.Add(new ValidationError("items", $"De grenzen van vraag {number} zijn geen getallen."));
        }
    }

    /// <summary>A title with its suffix, the base shortened so the whole fits.</summary>
    private static string Titled(string title, string suffix) =>
        (title.Length + suffix.Length > TitleMaxLength ? title[..Math.Max(1, TitleMaxLength - suffix.Length - 1)] + "…" : title) + suffix;

    private sealed record Lineage(int Version, long? PreviousId, long? CopiedFrom);

    private async Task<long?> InsertCopyAsync(DbConnection connection, DbTransaction transaction, long projectId, Questionnaire source, string title, Lineage lineage,
        Actor actor, CancellationToken cancellationToken)
    {
        var items = source.Items.Select(ItemDraft.From).ToList();
        if (await InsertAsync(connection, transaction, projectId, title, source.TargetGroup, items, lineage, actor, cancellationToken) is not { } id)
        {
            return null;
        }

        // a MIDI survey stays one: its thresholds, and per item (by position) the determinant it asks about
        await connection.ExecuteAsync(transaction, """
            INSERT INTO midi_surveys (questionnaire_id, barrier_threshold, facilitator_threshold)
            SELECT @to, barrier_threshold, facilitator_threshold FROM midi_surveys WHERE questionnaire_id = @from;
            INSERT INTO midi_survey_items (item_id, determinant)
            SELECT t.id, m.determinant FROM questionnaire_items f JOIN midi_survey_items m ON m.item_id = f.id
            JOIN questionnaire_items t ON t.questionnaire_id = @to AND t.position = f.position WHERE f.questionnaire_id = @from;
            """, cancellationToken, ("@to", id), ("@from", source.Id));
        return id;
    }

    /// <summary>Inserts a checked questionnaire with its items and audit entry; null when there is no such project.</summary>
    private async Task<long?> InsertAsync(DbConnection connection, DbTransaction transaction, long projectId, string title, TargetGroup targetGroup, IReadOnlyList<ItemDraft> items,
        Lineage lineage, Actor actor, CancellationToken cancellationToken)
    {
        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId)) is null)
        {
            return null;
        }

        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM questionnaires WHERE project_id = @p AND title = @t;", cancellationToken, ("@p", projectId), ("@t", title)) is not null)
        {
            throw new ValidationException([new ValidationError("title", $"Het project heeft al een vragenlijst '{title}'.")]);
        }

        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO questionnaires (project_id, title, target_group, created_at, created_by, version, previous_id) VALUES (@p, @t, @g, @now, @by, @v, @prev) RETURNING id;
            """, cancellationToken, ("@p", projectId), ("@t", title), ("@g", targetGroup.ToCode()), ("@now", now), ("@by", actor.Name), ("@v", lineage.Version), ("@prev", lineage.PreviousId));
        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            await connection.ExecuteAsync(transaction, """
                INSERT INTO questionnaire_items (questionnaire_id, position, section, text, kind, reverse_scored, options, labels, min_value, max_value)
                VALUES (@q, @pos, @section, @text, @kind, @reverse, @options, @labels, @min, @max);
                """, cancellationToken, ("@q", id), ("@pos", i + 1), ("@section", item.Section.Trim()), ("@text", item.Text.Trim()), ("@kind", item.Kind.ToCode()), ("@reverse", item.ReverseScored ? 1 : 0),
                ("@options", Json(item.Options)), ("@labels", Json(item.Labels)), ("@min", item.Minimum is { } min ? min : DBNull.Value), ("@max", item.Maximum is { } max ? max : DBNull.Value));
        }

        var details = new Dictionary<string, string?>
        {
            ["title"] = title,
            ["targetGroup"] = targetGroup.ToCode(),
            ["items"] = items.Count.ToString(CultureInfo.InvariantCulture),
        };
        if (lineage.CopiedFrom is { } from)
        {
            details["copiedFrom"] = from.ToString(CultureInfo.InvariantCulture);
            details["version"] = lineage.Version.ToString(CultureInfo.InvariantCulture);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("questionnaire", id, projectId, details), cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<Questionnaire>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await ReadAsync(connection, transaction, projectId, null, cancellationToken);
    }

    /// <summary>The project's questionnaires (or the one asked) with their items in order.</summary>
    internal static async Task<List<Questionnaire>> ReadAsync(DbConnection connection, DbTransaction transaction, long projectId, long? questionnaireId, CancellationToken cancellationToken)
    {
        object only = questionnaireId is { } id ? id : DBNull.Value;
        var items = (await connection.QueryAsync(transaction, """
                SELECT i.questionnaire_id, i.id, i.position, i.section, i.text, i.kind, i.reverse_scored, i.options, i.labels, i.min_value, i.max_value FROM questionnaire_items i
                JOIN questionnaires q ON q.id = i.questionnaire_id WHERE q.project_id = @p AND (@q IS NULL OR q.id = @q) ORDER BY i.position;
                """, reader => (Questionnaire: reader.GetInt64(0), Item: new QuestionnaireItem(reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                    Codes.Parse<ItemKind>(reader.GetString(5)), reader.GetFlag(6))
                {
                    Options = Strings(reader.GetStringOrNull(7)),
                    Labels = Strings(reader.GetStringOrNull(8)),
                    Minimum = reader.IsDBNull(9) ? null : reader.GetDouble(9),
                    Maximum = reader.IsDBNull(10) ? null : reader.GetDouble(10),
                }), cancellationToken, ("@p", projectId), ("@q", only)))
            .ToLookup(i => i.Questionnaire, i => i.Item);
        return await connection.QueryAsync(transaction, "SELECT id, project_id, title, target_group, version, previous_id FROM questionnaires WHERE project_id = @p AND (@q IS NULL OR id = @q) ORDER BY title;",
            reader => new Questionnaire(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), Codes.Parse<TargetGroup>(reader.GetString(3)), [.. items[reader.GetInt64(0)]],
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt64(5)),
            cancellationToken, ("@p", projectId), ("@q", only));
    }

    /// <summary>A list of texts as the JSON array kept in options and labels (trimmed); NULL when empty.</summary>
    private static object Json(IReadOnlyList<string>? texts) => texts is { Count: > 0 } ? JsonSerializer.Serialize(texts.Select(t => t.Trim())) : DBNull.Value;

    private static string[] Strings(string? json) => json is null ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
