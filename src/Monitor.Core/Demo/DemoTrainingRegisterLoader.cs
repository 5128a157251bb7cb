using System.Globalization;
using Monitor.Core.Data;
using Monitor.Core.Effects.Linkage;

namespace Monitor.Core.Demo;

/// <summary>
/// The training register of the Arnhem demo project (seed 000: 20 re-integration professionals trained in two groups,
/// after the voormeting of end February 2022). The seed gives no training days, so the two dates are synthetic and the
/// group names say so; role labels only. Only when the demo project's register is empty.
/// </summary>
public sealed class DemoTrainingRegisterLoader
{
    private static readonly (string Cohort, DateOnly Day)[] _groups =
    [
        ("Groep 1 (datum synthetisch)", new DateOnly(2022, 3, 17)),
        ("Groep 2 (datum synthetisch)", new DateOnly(2022, 4, 14)),
    ];

    private readonly MonitorDatabase _database;
    private readonly TrainingRegisterStore _register;

    public DemoTrainingRegisterLoader(MonitorDatabase database, TrainingRegisterStore register)
    {
        _database = database;
        _register = register;
    }

    public async Task<int> LoadIfNeededAsync(CancellationToken cancellationToken = default)
    {
        long projectId;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            if (await connection.ScalarLongAsync(null, "SELECT id FROM projects WHERE slug = 'samen-beslissen-arnhem' AND is_demo = 1;", cancellationToken) is not { } id
                || await connection.ScalarLongAsync(null, "SELECT count(*) FROM training_register WHERE project_id = @p;", cancellationToken, ("@p", id)) > 0)
            {
                return 0;
            }

            projectId = id;
        }

        // one transaction for the whole register: a start-up writes as little as it can
        await _register.AddManyAsync(projectId, [.. Enumerable.Range(0, 20).Select(i =>
            (string.Create(CultureInfo.InvariantCulture, $"Re-integratieprofessional {i + 1}"), _groups[i / 10].Cohort, (DateOnly?)_groups[i / 10].Day))],
            new Actor(null, "Projectleider (demo)"), cancellationToken);
        return 20;
    }
}
