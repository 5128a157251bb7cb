using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Effects;

/// <summary>A project's questionnaires with their items; each write is one transaction with its audit entry.</summary>
public sealed class QuestionnaireStore
{
    public const int TitleMaxLength = 200;
    public const int ItemMaxLength = 500;
    public const int MaxItems = 200;

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
        Func<SqliteConnection, SqliteTransaction, long, Task>? alongside, CancellationToken cancellationToken)
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
            Checks.Required(errors, "items", item.Text, ItemMaxLength, $"de tekst van vraag {i + 1}");
            if (item.ReverseScored && item.Kind is ItemKind.Open or ItemKind.JaNeeWeetNiet)
            {
                errors.Add(new ValidationError("items", $"Vraag {i + 1} kan niet omgescoord worden: alleen schaalvragen."));
            }
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId)) is null)
        {
            return null;
        }

        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM questionnaires WHERE project_id = @p AND title = @t;", cancellationToken, ("@p", projectId), ("@t", title.Trim())) is not null)
        {
            throw new ValidationException([new ValidationError("title", $"Het project heeft al een vragenlijst '{title.Trim()}'.")]);
        }

        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO questionnaires (project_id, title, target_group, created_at, created_by) VALUES (@p, @t, @g, @now, @by) RETURNING id;
            """, cancellationToken, ("@p", projectId), ("@t", title.Trim()), ("@g", targetGroup.ToCode()), ("@now", now), ("@by", actor.Name));
        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            await connection.ExecuteAsync(transaction, """
                INSERT INTO questionnaire_items (questionnaire_id, position, section, text, kind, reverse_scored) VALUES (@q, @pos, @section, @text, @kind, @reverse);
                """, cancellationToken, ("@q", id), ("@pos", i + 1), ("@section", item.Section.Trim()), ("@text", item.Text.Trim()), ("@kind", item.Kind.ToCode()), ("@reverse", item.ReverseScored ? 1 : 0));
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("questionnaire", id, projectId, new Dictionary<string, string?>
        {
            ["title"] = title.Trim(),
            ["targetGroup"] = targetGroup.ToCode(),
            ["items"] = items.Count.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        if (alongside is not null)
        {
            await alongside(connection, transaction, id);
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<IReadOnlyList<Questionnaire>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await ReadAsync(connection, transaction, projectId, null, cancellationToken);
    }

    /// <summary>The project's questionnaires (or the one asked) with their items in order.</summary>
    internal static async Task<List<Questionnaire>> ReadAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long? questionnaireId, CancellationToken cancellationToken)
    {
        object only = questionnaireId is { } id ? id : DBNull.Value;
        var items = (await connection.QueryAsync(transaction, """
                SELECT i.questionnaire_id, i.id, i.position, i.section, i.text, i.kind, i.reverse_scored FROM questionnaire_items i
                JOIN questionnaires q ON q.id = i.questionnaire_id WHERE q.project_id = @p AND (@q IS NULL OR q.id = @q) ORDER BY i.position;
                """, reader => (Questionnaire: reader.GetInt64(0), Item: new QuestionnaireItem(reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                    Codes.Parse<ItemKind>(reader.GetString(5)), reader.GetFlag(6))), cancellationToken, ("@p", projectId), ("@q", only)))
            .ToLookup(i => i.Questionnaire, i => i.Item);
        return await connection.QueryAsync(transaction, "SELECT id, project_id, title, target_group FROM questionnaires WHERE project_id = @p AND (@q IS NULL OR id = @q) ORDER BY title;",
            reader => new Questionnaire(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), Codes.Parse<TargetGroup>(reader.GetString(3)), [.. items[reader.GetInt64(0)]]),
            cancellationToken, ("@p", projectId), ("@q", only));
    }
}
