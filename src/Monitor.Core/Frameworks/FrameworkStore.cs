using System.Data.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Frameworks;

/// <summary>Reads the reference frameworks (seeded by migration, read-only for the app).</summary>
public sealed class FrameworkStore
{
    private readonly MonitorDatabase _database;

    public FrameworkStore(MonitorDatabase database) => _database = database;

    public async Task<IReadOnlyList<ReferenceFramework>> ListFrameworksAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT code, title, version, citation, note
            FROM reference_frameworks
            ORDER BY CASE code WHEN 'movisie' THEN 1 WHEN 'midi' THEN 2 ELSE 3 END;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, reader => new ReferenceFramework
        {
            Code = reader.GetString(0),
            Title = reader.GetString(1),
            Version = reader.GetString(2),
            Citation = reader.GetString(3),
            Note = reader.GetString(4),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<MovisiePhase>> ListPhasesAsync(CancellationToken cancellationToken = default)
    {
        const string phasesSql = """
            SELECT number, name_nl, name_en, description_nl, grol_stage_en, movisie_grouping
            FROM movisie_phases
            ORDER BY number;
            """;
        const string activitiesSql = """
            SELECT phase_number, text_nl, sub_points_nl
            FROM movisie_phase_activities
            ORDER BY phase_number, position;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var activities = (await connection.QueryAsync(transaction, activitiesSql, reader => (Phase: reader.GetInt32(0), Activity: new MovisieActivity(reader.GetString(1),
                reader.GetString(2).Split('\n', StringSplitOptions.RemoveEmptyEntries))), cancellationToken))
            .ToLookup(a => a.Phase, a => a.Activity);
        return await connection.QueryAsync(transaction, phasesSql, reader =>
        {
            var number = reader.GetInt32(0);
            return new MovisiePhase
            {
                Number = number,
                NameNl = reader.GetString(1),
                NameEn = reader.GetString(2),
                DescriptionNl = reader.GetString(3),
                GrolStageEn = reader.GetString(4),
                MovisieGrouping = reader.GetString(5),
                RecommendedActivities = [.. activities[number]],
            };
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<MidiGroup>> ListMidiGroupsAsync(CancellationToken cancellationToken = default)
    {
        const string groupsSql = """
            SELECT code, position, name_nl, name_en
            FROM midi_groups
            ORDER BY position;
            """;
        const string determinantsSql = """
            SELECT number, group_code, name_nl, name_en, guiding_question_nl, answer_scale, reverse_scored, name_verified, question_verified
            FROM midi_determinants
            ORDER BY number;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var determinants = await connection.QueryAsync(transaction, determinantsSql, ReadDeterminant, cancellationToken);
        return await connection.QueryAsync(transaction, groupsSql, reader =>
        {
            var code = reader.GetString(0);
            return new MidiGroup
            {
                Code = code,
                Position = reader.GetInt32(1),
                NameNl = reader.GetString(2),
                NameEn = reader.GetString(3),
                Determinants = determinants.Where(d => d.GroupCode == code).ToList(),
            };
        }, cancellationToken);
    }

    /// <summary>The names of the determinants and Bowen areas by number.</summary>
    public async Task<FrameworkLabels> LabelsAsync(CancellationToken cancellationToken = default) =>
        new(await ListMidiGroupsAsync(cancellationToken), await ListBowenAreasAsync(cancellationToken));

    public async Task<IReadOnlyList<BowenArea>> ListBowenAreasAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT number, name_en, name_nl, key_question_en, key_question_nl, outcomes_en, is_default
            FROM bowen_areas
            ORDER BY number;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, reader => new BowenArea
        {
            Number = reader.GetInt32(0),
            NameEn = reader.GetString(1),
            NameNl = reader.GetString(2),
            KeyQuestionEn = reader.GetString(3),
            KeyQuestionNl = reader.GetString(4),
            OutcomesEn = reader.GetString(5),
            IsDefault = reader.GetFlag(6),
        }, cancellationToken);
    }

    private static MidiDeterminant ReadDeterminant(DbDataReader reader) => new()
    {
        Number = reader.GetInt32(0),
        GroupCode = reader.GetString(1),
        NameNl = reader.GetString(2),
        NameEn = reader.GetString(3),
        GuidingQuestionNl = reader.GetString(4),
        AnswerScale = reader.GetString(5),
        ReverseScored = reader.GetFlag(6),
        NameVerified = reader.GetFlag(7),
        QuestionVerified = reader.GetFlag(8),
    };
}
