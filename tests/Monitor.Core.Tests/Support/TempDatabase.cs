using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Demo;
using Monitor.Core.Findings;
using Monitor.Core.Frameworks;
using Monitor.Core.Meetings;
using Monitor.Core.Planning;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;

namespace Monitor.Core.Tests.Support;

/// <summary>
/// A real database with the Core services wired as the app wires them: a SQLite file in its own temp folder, or (with
/// <see cref="DatabaseEngine.PostgreSql"/>) a migrated database of its own on the tests' PostgreSQL server.
/// </summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase(TimeProvider? time = null, DatabaseEngine engine = DatabaseEngine.Sqlite)
    {
        Engine = engine;
        Folder = Path.Combine(Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "monitor.db");
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        PostgresConnectionString = engine == DatabaseEngine.PostgreSql ? PostgresServer.CreateDatabase() : null;
        Database = new MonitorDatabase(Options.Create(engine == DatabaseEngine.PostgreSql
            ? new MonitorOptions { Database = "postgresql", ConnectionString = PostgresConnectionString }
            : new MonitorOptions { DatabasePath = FilePath }));
        Migrator = new SchemaMigrator(Database, NullLogger<SchemaMigrator>.Instance);
        Frameworks = new FrameworkStore(Database);
        Audit = new AuditStore(Database, Time);
        MeetingWrites = new MeetingWrites(Database, Audit);
        Projects = new ProjectStore(Database, Audit, MeetingWrites, Time);
        Accounts = new AccountStore(Database, Audit, Time);
        Privacy = new PrivacyStore(Database, Audit, Time);
        PlanStore = new PlanStore(Database, Audit, Time);
        PlanVersions = new PlanVersionStore(Database, Audit, Time);
        Groups = new GroupStore(Database, Audit);
        Meetings = new MeetingStore(Database, MeetingWrites, Time);
        ActionItems = new ActionItemStore(Database, MeetingWrites, Time);
        MeetingQueries = new MeetingQueries(Database);
        Reflections = new ReflectionStore(Database, MeetingWrites, Time);
        ReflectionLinks = new ReflectionLinkStore(Database, MeetingWrites, Time);
        Demo = new DemoDataLoader(Database, Projects, PlanStore, PlanVersions, Time, NullLogger<DemoDataLoader>.Instance);
        Codebooks = new CodebookStore(Database, Audit, Time);
        CodingDocuments = new CodingDocumentStore(Database, Audit, Time);
        Coding = new CodingStore(Database, Audit, Time);
        Fragments = new FragmentQueries(Database);
        Rounds = new RoundStore(Database, Audit, Time);
        Agreement = new RoundAgreement(Database, Time);
        CodebookExchange = new CodebookExchange(Database, Codebooks, Audit);
        Exchange = new ProjectExchange(Database, Codebooks, CodingDocuments, Audit, Projects, Privacy, Time);
        FileCoders = new FileCoderStore(Database, Audit, Time);
        DemoCodings = new DemoCodingLoader(Database, CodingDocuments, NullLogger<DemoCodingLoader>.Instance);
        Findings = new FindingStore(Database, Audit, Time);
        Suggester = new Monitor.Core.Findings.FindingSuggester(Database, Fragments, Findings, Audit, Time);
        DemoFindings = new DemoFindingLoader(Database, Findings, NullLogger<DemoFindingLoader>.Instance);
        Learning = new Monitor.Core.Learning.LearningAgendaStore(Database, Audit, Time);
        Timeline = new Monitor.Core.Learning.TimelineStore(Database, Audit, Time);
        DemoLearning = new DemoLearningLoader(Database, Learning, Timeline, NullLogger<DemoLearningLoader>.Instance);
        Questionnaires = new Monitor.Core.Effects.QuestionnaireStore(Database, Audit, Time);
        SurveyRounds = new Monitor.Core.Effects.SurveyRoundStore(Database, Audit, Time);
        MidiSurveys = new Monitor.Core.Effects.MidiSurveyStore(Database, Questionnaires, Frameworks, Projects);
        MidiReader = new Monitor.Core.Effects.MidiReader(MidiSurveys, Questionnaires, SurveyRounds, Frameworks, Fragments, Projects, PlanStore);
        OpenAnswers = new Monitor.Core.Effects.OpenAnswerCoding(Database, Questionnaires, SurveyRounds, CodingDocuments, Audit, Time);
        DemoEffects = new DemoEffectLoader(Database, Questionnaires, SurveyRounds, MidiSurveys);
        Participation = new Monitor.Core.Participation.ParticipationStore(Database, Audit, Time);
        Networks = new Monitor.Core.Networks.NetworkStore(Database, Audit, Time);
        Guests = new Monitor.Core.Networks.GroupGuestStore(Database, Audit, Accounts, Time);
        DemoOrganisation = new DemoOrganisationLoader(Database, Networks, Participation, NullLogger<DemoOrganisationLoader>.Instance);
        ReportData = new Monitor.Core.Reports.ReportDataBuilder(Projects, PlanStore, Frameworks, Groups, MeetingQueries, CodingDocuments, Fragments, Rounds, Agreement, Findings, new Monitor.Core.Charts.ScottPlotChartRenderer(), ActionItems, Learning, Timeline,
            new Monitor.Core.Innovation.InnovationUseReader(new Monitor.Core.Innovation.CoreElementStore(Database, Audit, Codebooks, Time), new Monitor.Core.Innovation.FidelityStore(Database, Audit, Time), new Monitor.Core.Innovation.ReachStore(Database, Audit, Time)),
            new Monitor.Core.Effects.EffectReader(Questionnaires, SurveyRounds, new Monitor.Core.Effects.Linkage.SurveyLinkageStore(Database, Audit, Time, SurveyRounds, Questionnaires), MidiSurveys),
            MidiReader, PlanVersions, Participation);
        Reports = new Monitor.Core.Reports.ReportService(Database, ReportData, Projects, Audit, Time);
    }

    public Monitor.Core.Effects.QuestionnaireStore Questionnaires { get; }
    public Monitor.Core.Effects.SurveyRoundStore SurveyRounds { get; }
    public Monitor.Core.Effects.MidiSurveyStore MidiSurveys { get; }
    public Monitor.Core.Effects.MidiReader MidiReader { get; }
    public Monitor.Core.Effects.OpenAnswerCoding OpenAnswers { get; }
    public DemoEffectLoader DemoEffects { get; }

    public string Folder { get; }
    public Monitor.Core.Participation.ParticipationStore Participation { get; }
    public Monitor.Core.Networks.NetworkStore Networks { get; }
    public Monitor.Core.Networks.GroupGuestStore Guests { get; }
    public DemoOrganisationLoader DemoOrganisation { get; }
    public string FilePath { get; }
    public TimeProvider Time { get; }
    public MonitorDatabase Database { get; }
    public SchemaMigrator Migrator { get; }
    public FrameworkStore Frameworks { get; }
    public ProjectStore Projects { get; }
    public AuditStore Audit { get; }
    public AccountStore Accounts { get; }
    public PrivacyStore Privacy { get; }
    public PlanStore PlanStore { get; }
    public PlanVersionStore PlanVersions { get; }
    public MeetingWrites MeetingWrites { get; }
    public GroupStore Groups { get; }
    public MeetingStore Meetings { get; }
    public ActionItemStore ActionItems { get; }
    public MeetingQueries MeetingQueries { get; }
    public ReflectionStore Reflections { get; }
    public ReflectionLinkStore ReflectionLinks { get; }
    public DemoDataLoader Demo { get; }
    public CodebookStore Codebooks { get; }
    public CodingDocumentStore CodingDocuments { get; }
    public CodingStore Coding { get; }
    public FragmentQueries Fragments { get; }
    public RoundStore Rounds { get; }
    public RoundAgreement Agreement { get; }
    public CodebookExchange CodebookExchange { get; }
    public ProjectExchange Exchange { get; }

    public FileCoderStore FileCoders { get; }
    public DemoCodingLoader DemoCodings { get; }
    public FindingStore Findings { get; }
    public Monitor.Core.Findings.FindingSuggester Suggester { get; }
    public DemoFindingLoader DemoFindings { get; }
    public Monitor.Core.Learning.LearningAgendaStore Learning { get; }
    public Monitor.Core.Learning.TimelineStore Timeline { get; }
    public DemoLearningLoader DemoLearning { get; }
    public Monitor.Core.Reports.ReportDataBuilder ReportData { get; }
    public Monitor.Core.Reports.ReportService Reports { get; }

    public DatabaseEngine Engine { get; }

    /// <summary>The PostgreSQL database of this instance (null on SQLite).</summary>
    public string? PostgresConnectionString { get; }

    public static async Task<TempDatabase> MigratedAsync(DatabaseEngine engine = DatabaseEngine.Sqlite)
    {
        var db = new TempDatabase(engine: engine);
        await db.Migrator.MigrateAsync();
        return db;
    }

    /// <summary>A number from a statement, through the stores' one SQL helper (so SQLite's spelling works on PostgreSQL too).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        return Convert.ToInt64(await connection.ScalarAsync(null, sql, CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Makes the database itself refuse inserts into <paramref name="table"/> that match <paramref name="condition"/>
    /// (written with NEW.column), on either engine: a test of what a store rolls back when a later row fails.
    /// </summary>
    public async Task RefuseInsertsAsync(string table, string condition)
    {
        await using var connection = await Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Engine == DatabaseEngine.Sqlite
            ? $"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} WHEN {condition} BEGIN SELECT RAISE(ABORT, 'refused by test'); END;"
            : $"CREATE FUNCTION refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$; " +
              $"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} FOR EACH ROW WHEN ({condition}) EXECUTE FUNCTION refuse_{table}();";
        await command.ExecuteNonQueryAsync();
    }

    public async Task<string?> TextAsync(string sql)
    {
        await using var connection = await Database.OpenAsync();
        return (string?)await connection.ScalarAsync(null, sql, CancellationToken.None);
    }

    public void Dispose()
    {
        Database.Dispose();
        if (PostgresConnectionString is { } postgres)
        {
            PostgresServer.DropDatabase(postgres);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open by a failed test; the temp folder is cleaned by the OS
        }
    }
}
