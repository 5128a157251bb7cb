using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Effects.Linkage;

/// <summary>One professional in a project's training register: a role label, the training group and the day trained (null: not trained, the comparison group).</summary>
public sealed record RegisterEntry(long Id, string Label, string Cohort, DateOnly? TrainedOn)
{
    /// <summary>The condition of this professional's responses: trained when the register holds a training day.</summary>
    public Condition Condition => TrainedOn is null ? Condition.Ongetraind : Condition.Getraind;
}

/// <summary>
/// The training register of a project: which professionals were trained and when (seed 000: 20 in two groups), and the
/// untrained professionals of the comparison group. A response through a personal invitation takes its condition from
/// here. Labels are role labels ("Re-integratieprofessional 3"); each write is one transaction with its audit entry.
/// </summary>
public sealed class TrainingRegisterStore
{
    public const int LabelMaxLength = 100;
    public const int CohortMaxLength = 100;
    public const int MaxEntries = 2000;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public TrainingRegisterStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>Adds a professional to the register; null when there is no such project.</summary>
    /// <exception cref="ValidationException">No label, too long, a label already in the register or a training day in the future; nothing was written.</exception>
    public async Task<long?> AddAsync(long projectId, string label, string cohort, DateOnly? trainedOn, Actor actor, CancellationToken cancellationToken = default) =>
        (await AddManyAsync(projectId, [(label, cohort, trainedOn)], actor, cancellationToken))?.Single();

    /// <summary>Adds professionals to the register in one transaction (all or none); null when there is no such project.</summary>
    /// <exception cref="ValidationException">As <see cref="AddAsync"/> for any of them; nothing was written.</exception>
    public async Task<IReadOnlyList<long>?> AddManyAsync(long projectId, IReadOnlyList<(string Label, string Cohort, DateOnly? TrainedOn)> entries, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<ValidationError>();
        foreach (var (label, cohort, trainedOn) in entries)
        {
            Checks.Required(errors, "label", label, LabelMaxLength, "de naam of rol van de professional");
            Checks.Optional(errors, "cohort", cohort, CohortMaxLength, "de trainingsgroep");
            if (trainedOn is { } day && day > DutchClock.Today(_time))
            {
                errors.Add(new ValidationError("trainedOn", "De trainingsdatum ligt in de toekomst; vul die in als de training gegeven is."));
            }
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId)) is null)
        {
            return null;
        }

        var ids = new List<long>();
        foreach (var (label, cohort, trainedOn) in entries)
        {
            if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM training_register WHERE project_id = @p AND label = @l;", cancellationToken, ("@p", projectId), ("@l", label.Trim())) is not null)
            {
                throw new ValidationException([new ValidationError("label", $"'{label.Trim()}' staat al in het trainingsregister.")]);
            }

            if (await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM training_register WHERE project_id = @p;", cancellationToken, ("@p", projectId)) >= MaxEntries)
            {
                throw new ValidationException([new ValidationError("label", $"Het trainingsregister heeft al {MaxEntries} professionals.")]);
            }

            var id = await connection.InsertAsync(transaction, """
                INSERT INTO training_register (project_id, label, cohort, trained_on, created_at) VALUES (@p, @l, @c, @t, @now) RETURNING id;
                """, cancellationToken, ("@p", projectId), ("@l", label.Trim()), ("@c", (cohort ?? "").Trim()), ("@t", trainedOn.ToDbValue()),
                ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
            await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("trainingRegister", id, projectId, new Dictionary<string, string?>
            {
                ["label"] = label.Trim(),
                ["cohort"] = (cohort ?? "").Trim(),
                ["trainedOn"] = trainedOn?.ToDbValue(),
            }), cancellationToken);
            ids.Add(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>
    /// Changes a professional's label, training group or training day (null: not trained); false when the entry is not the
    /// project's. Responses given earlier keep the condition they were stored with; later invitations take the new one.
    /// </summary>
    /// <exception cref="ValidationException">As <see cref="AddAsync"/>; nothing was written.</exception>
    public async Task<bool> UpdateAsync(long projectId, long entryId, string label, string cohort, DateOnly? trainedOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "label", label, LabelMaxLength, "de naam of rol van de professional");
        Checks.Optional(errors, "cohort", cohort, CohortMaxLength, "de trainingsgroep");
        if (trainedOn is { } day && day > DutchClock.Today(_time))
        {
            errors.Add(new ValidationError("trainedOn", "De trainingsdatum ligt in de toekomst; vul die in als de training gegeven is."));
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await FindAsync(connection, transaction, projectId, entryId, cancellationToken) is not { } before)
        {
            return false;
        }

        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM training_register WHERE project_id = @p AND label = @l AND id <> @id;", cancellationToken,
                ("@p", projectId), ("@l", label.Trim()), ("@id", entryId)) is not null)
        {
            throw new ValidationException([new ValidationError("label", $"'{label.Trim()}' staat al in het trainingsregister.")]);
        }

        await connection.ExecuteAsync(transaction, "UPDATE training_register SET label = @l, cohort = @c, trained_on = @t WHERE id = @id;", cancellationToken,
            ("@l", label.Trim()), ("@c", (cohort ?? "").Trim()), ("@t", trainedOn.ToDbValue()), ("@id", entryId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("trainingRegister", entryId, projectId, Values(before),
            Values(before with { Label = label.Trim(), Cohort = (cohort ?? "").Trim(), TrainedOn = trainedOn })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Removes a professional from the register with their unused and used invitation links; false when the entry is not the
    /// project's. Their responses stay (anonymous, with the condition they were given) but a later round no longer links to them.
    /// </summary>
    public async Task<bool> DeleteAsync(long projectId, long entryId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await FindAsync(connection, transaction, projectId, entryId, cancellationToken) is not { } before)
        {
            return false;
        }

        await connection.ExecuteAsync(transaction, "DELETE FROM training_register WHERE id = @id;", cancellationToken, ("@id", entryId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("trainingRegister", entryId, projectId, Values(before)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>One entry of the project's register; null when it is not the project's.</summary>
    public async Task<RegisterEntry?> FindAsync(long projectId, long entryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, projectId, entryId, cancellationToken);
    }

    private static async Task<RegisterEntry?> FindAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, long projectId, long entryId,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync(transaction, "SELECT id, label, cohort, trained_on FROM training_register WHERE id = @id AND project_id = @p;",
            reader => new RegisterEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetDate(3)),
            cancellationToken, ("@id", entryId), ("@p", projectId))).SingleOrDefault();

    private static Dictionary<string, string?> Values(RegisterEntry entry) => new()
    {
        ["label"] = entry.Label,
        ["cohort"] = entry.Cohort,
        ["trainedOn"] = entry.TrainedOn?.ToDbValue(),
    };

    /// <summary>The register in order: trained first by training day and group, then the untrained, each by label.</summary>
    public async Task<IReadOnlyList<RegisterEntry>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, projectId, null, cancellationToken);
    }

    /// <summary>The register in order; with <paramref name="notAnsweredIn"/> without those whose invitation to that round was used.</summary>
    internal static async Task<List<RegisterEntry>> ReadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, long projectId,
        long? notAnsweredIn, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, """
            SELECT t.id, t.label, t.cohort, t.trained_on FROM training_register t WHERE t.project_id = @p
              AND NOT EXISTS (SELECT 1 FROM round_invitations i WHERE i.register_id = t.id AND i.round_id = @r AND i.answered_on IS NOT NULL)
            ORDER BY t.trained_on IS NULL, t.trained_on, t.cohort, length(t.label), t.label;
            """, reader => new RegisterEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetDate(3)),
            cancellationToken, ("@p", projectId), ("@r", notAnsweredIn is { } round ? round : DBNull.Value));
}
