using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Projects;
using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Reports;

/// <summary>
/// Generates the two reports from a template (built-in, embedded from templates/, or a project copy), stores
/// every generated report unchanged as a snapshot and compares a snapshot with the previous one. A template that
/// does not parse or names a placeholder the report does not offer is refused with the line and placeholder.
/// </summary>
public sealed class ReportService
{
    public const int TemplateMaxLength = ReportTemplate.MaxLength;

    // Two long reports with little in common would otherwise cost (lines before + lines after)² steps; past this
    // budget the rest counts as removed and added, which is still a correct (if longer) diff.
    private const long DiffBudget = 10_000_000;

    private readonly MonitorDatabase _database;
    private readonly ReportDataBuilder _builder;
    private readonly ProjectStore _projects;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public ReportService(MonitorDatabase database, ReportDataBuilder builder, ProjectStore projects, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _builder = builder;
        _projects = projects;
        _audit = audit;
        _time = time;
    }

    /// <summary>The kind's code in the database, URLs and the API ("voortgang", "procesevaluatie"), as <see cref="Codes"/> spells every enum.</summary>
    public static string Code(ReportKind kind) => kind.ToCode();

    public static string Title(ReportKind kind) => kind == ReportKind.Voortgang ? "Voortgangsrapportage" : "Procesevaluatie: succesfactoren en geleerde lessen";

    /// <summary>Parses a kind's code as <see cref="Codes.TryParse{T}"/> parses every enum: case and surrounding spaces ignored, numbers refused.</summary>
    public static bool TryParseKind(string? code, out ReportKind kind) => Codes.TryParse(code, out kind);

    /// <summary>The built-in template text (templates/voortgangsrapportage.md or templates/procesevaluatie.md).</summary>
    public static string BuiltInTemplate(ReportKind kind) => EmbeddedTemplate(kind == ReportKind.Voortgang ? "voortgangsrapportage" : "procesevaluatie");

    /// <summary>The factsheet's template (templates/factsheet.md).</summary>
    public static string FactsheetTemplate() => EmbeddedTemplate("factsheet");

    private static string EmbeddedTemplate(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Monitor.Core.Templates.{name}.md")
            ?? throw new InvalidOperationException($"The built-in template {name}.md is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static TemplateInfo BuiltIn(ReportKind kind)
    {
        var body = BuiltInTemplate(kind);
        return new TemplateInfo(null, kind, "Standaard", "ingebouwd " + Sha256(body)[..8], body, null, null);
    }

    public async Task<IReadOnlyList<TemplateInfo>> ListTemplatesAsync(long projectId, ReportKind kind, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id, name, version, body, updated_at, updated_by, is_default FROM report_templates WHERE project_id = @project AND report_type = @type ORDER BY name;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var own = await connection.QueryAsync(null, sql, reader => new TemplateInfo(reader.GetInt64(0), kind, reader.GetString(1),
            "v" + reader.GetInt32(2).ToString(CultureInfo.InvariantCulture), reader.GetString(3), DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
            reader.GetString(5), reader.GetFlag(6)), cancellationToken, ("@project", projectId), ("@type", Code(kind)));
        return [BuiltIn(kind) with { IsDefault = !own.Any(t => t.IsDefault) }, .. own];
    }

    /// <summary>The template asked for; without one, the project's default for this kind of report (the built-in one when it chose none).</summary>
    public async Task<TemplateInfo?> FindTemplateAsync(long projectId, ReportKind kind, long? templateId, CancellationToken cancellationToken = default)
    {
        var templates = await ListTemplatesAsync(projectId, kind, cancellationToken);
        return templateId is null ? templates.Single(t => t.IsDefault) : templates.FirstOrDefault(t => t.Id == templateId);
    }

    /// <summary>
    /// Makes one of the project's own templates (or, with null, the built-in one) the default for its kind of report. False
    /// when the template is not the project's.
    /// </summary>
    public async Task<bool> SetDefaultTemplateAsync(long projectId, ReportKind kind, long? templateId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var name = templateId is { } id
            ? await connection.ScalarAsync(transaction, "SELECT name FROM report_templates WHERE id = @id AND project_id = @project AND report_type = @type;", cancellationToken,
                ("@id", id), ("@project", projectId), ("@type", Code(kind))) as string
            : "Standaard";
        if (name is null)
        {
            return false;
        }

        var before = await connection.ScalarAsync(transaction, "SELECT name FROM report_templates WHERE project_id = @project AND report_type = @type AND is_default = 1;", cancellationToken,
            ("@project", projectId), ("@type", Code(kind))) as string ?? "Standaard";
        await connection.ExecuteAsync(transaction, "UPDATE report_templates SET is_default = 0 WHERE project_id = @project AND report_type = @type AND is_default = 1;", cancellationToken,
            ("@project", projectId), ("@type", Code(kind)));
        if (templateId is { } chosen)
        {
            await connection.ExecuteAsync(transaction, "UPDATE report_templates SET is_default = 1 WHERE id = @id;", cancellationToken, ("@id", chosen));
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("reportTemplate", templateId ?? 0, projectId,
            new Dictionary<string, string?> { ["default"] = before, ["kind"] = Code(kind) }, new Dictionary<string, string?> { ["default"] = name, ["kind"] = Code(kind) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Copies the built-in template into the project under a name, to be edited.</summary>
    public async Task<long> CopyTemplateAsync(long projectId, ReportKind kind, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200 || name == "Standaard")
        {
            throw new ValidationException([new ValidationError("name", "Geef het sjabloon een eigen naam (1 tot 200 tekens, niet ‘Standaard’).")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarAsync(transaction, "SELECT 1 FROM report_templates WHERE project_id = @project AND name = @name;", cancellationToken,
            ("@project", projectId), ("@name", name)) is not null)
        {
            throw new ValidationException([new ValidationError("name", $"Er is al een sjabloon ‘{name}’ in dit project.")]);
        }

        var builtIn = BuiltIn(kind);
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO report_templates (project_id, report_type, name, body, version, based_on, created_at, updated_at, updated_by)
            VALUES (@project, @type, @name, @body, 1, @based, @now, @now, @by) RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@type", Code(kind)), ("@name", name), ("@body", builtIn.Body), ("@based", builtIn.Version), ("@now", now),
            ("@by", actor.Name));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("reportTemplate", id, projectId, new Dictionary<string, string?> { ["name"] = name, ["basedOn"] = builtIn.Version }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Saves an edited template as a new version, after checking it; a broken one is refused naming the line and placeholder.</summary>
    public async Task<bool> SaveTemplateAsync(long projectId, long templateId, string body, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var type = (string?)await connection.ScalarAsync(transaction, "SELECT report_type FROM report_templates WHERE id = @id AND project_id = @project;", cancellationToken,
            ("@id", templateId), ("@project", projectId));
        if (type is null)
        {
            return false;
        }

        Check(body.Replace("\r\n", "\n", StringComparison.Ordinal), Codes.Parse<ReportKind>(type));
        await connection.ExecuteAsync(transaction, "UPDATE report_templates SET body = @body, version = version + 1, updated_at = @now, updated_by = @by WHERE id = @id;",
            cancellationToken, ("@id", templateId), ("@body", body.Replace("\r\n", "\n", StringComparison.Ordinal)), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            ("@by", actor.Name));

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("reportTemplate", templateId, projectId,
            new Dictionary<string, string?>(), new Dictionary<string, string?> { ["length"] = body.Length.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Parses and validates a template; throws a <see cref="ValidationException"/> with one message per error ("regel 12: {{tabel x}}: …").</summary>
    public static ReportTemplate Check(string body, ReportKind kind) => Check(body, ReportPlaceholders.Catalog(kind));

    private static ReportTemplate Check(string body, IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> catalog)
    {
        if (body.Length > TemplateMaxLength)
        {
            throw new ValidationException([new ValidationError("body", $"Een sjabloon heeft hoogstens {TemplateMaxLength} tekens.")]);
        }

        ReportTemplate template;
        try
        {
            template = ReportTemplate.Parse(body);
        }
        catch (TemplateException ex)
        {
            throw new ValidationException([.. ex.Errors.Select(e => new ValidationError("body", $"Regel {e.Line}: {e.Placeholder}: {e.Message}"))]);
        }

        var errors = template.Validate(catalog);
        if (errors.Count > 0)
        {
            throw new ValidationException([.. errors.Select(e => new ValidationError("body", $"Regel {e.Line}: {e.Placeholder}: {e.Message}"))]);
        }

        return template;
    }

    /// <summary>Builds the report data, renders Markdown and HTML with the template and stores the snapshot. Null when the project or template does not exist.</summary>
    public Task<ReportSnapshot?> GenerateAsync(long projectId, ReportKind kind, long? templateId, ReportParameters parameters, Actor actor, CancellationToken cancellationToken = default) =>
        GenerateAsync(projectId, kind, templateId, parameters, actor, scheduled: false, cancellationToken);

    /// <summary>
    /// Builds the report data, renders Markdown and HTML with the template and stores the snapshot with its period and
    /// <paramref name="scheduled"/>: true for the monthly job's report (see <see cref="HasScheduledReportAsync"/>), false
    /// for one made by hand. Null when the project or template does not exist.
    /// </summary>
    public async Task<ReportSnapshot?> GenerateAsync(long projectId, ReportKind kind, long? templateId, ReportParameters parameters, Actor actor, bool scheduled, CancellationToken cancellationToken = default)
    {
        if (parameters.To < parameters.From)
        {
            throw new ValidationException([new ValidationError("to", "Het einde van de periode ligt voor het begin.")]);
        }

        var templateInfo = await FindTemplateAsync(projectId, kind, templateId, cancellationToken);
        var project = await _projects.FindAsync(projectId, cancellationToken);
        if (templateInfo is null || project is null)
        {
            return null;
        }

        var template = Check(templateInfo.Body, kind);
        var data = kind == ReportKind.Voortgang
            ? await _builder.ProgressAsync(projectId, parameters, cancellationToken)
            : await _builder.EvaluationAsync(projectId, parameters, cancellationToken);
        var subtitle = kind == ReportKind.Voortgang
            ? $"{project.Name} · {parameters.From.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))} – {parameters.To.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}"
            : $"{project.Name} · {project.Organisation}" + (parameters.Concept ? " · CONCEPT" : "");
        // the HTML header carries title and subtitle; the Markdown deliverable gets them as its first lines
        var markdown = $"# {Title(kind)}\n\n*{MarkdownText.Escape(subtitle)}*\n\n" + template.RenderMarkdown(data!);
        var html = template.RenderHtml(data!, new HtmlReportOptions(Title(kind), "nl", subtitle,
            $"{(parameters.Concept ? "CONCEPT, niet verspreiden · " : "")}ImplementatieMonitor · {Title(kind)} · sjabloon {templateInfo.Name} ({templateInfo.Version}) · gemaakt op {parameters.Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}"));
        var docx = template.RenderDocx(data!, Title(kind), subtitle);
        var package = template.RenderMarkdownPackage(data!, $"# {Title(kind)}\n\n*{MarkdownText.Escape(subtitle)}*\n\n");
        var (from, to) = (IsoDate(parameters.From), IsoDate(parameters.To));
        var parametersJson = parameters.Concept
            ? JsonSerializer.Serialize(new { van = from, tot = to, datum = IsoDate(parameters.Today), sjabloon = templateInfo.Name, concept = true })
            : JsonSerializer.Serialize(new { van = from, tot = to, datum = IsoDate(parameters.Today), sjabloon = templateInfo.Name });
        var now = _time.GetUtcNow();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO report_snapshots (project_id, report_type, template_name, template_version, parameters, period_start, period_end, scheduled, markdown, html, docx, markdown_package, sha256, created_at, created_by)
            VALUES (@project, @type, @name, @version, @parameters, @from, @to, @scheduled, @markdown, @html, @docx, @package, @sha, @now, @by) RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@type", Code(kind)), ("@name", templateInfo.Name), ("@version", templateInfo.Version), ("@parameters", parametersJson),
            ("@from", from), ("@to", to), ("@scheduled", scheduled ? 1 : 0),
            ("@markdown", markdown), ("@html", html), ("@docx", docx), ("@package", package), ("@sha", Sha256(html)), ("@now", now.ToString("O", CultureInfo.InvariantCulture)), ("@by", actor.Name));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("reportSnapshot", id, projectId, new Dictionary<string, string?>
        {
            ["type"] = Code(kind),
            ["template"] = $"{templateInfo.Name} {templateInfo.Version}",
            ["parameters"] = parametersJson,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReportSnapshot(new SnapshotInfo(id, kind, templateInfo.Name, templateInfo.Version, parametersJson, now, actor.Name, Sha256(html)), markdown, html);
    }

    /// <summary>
    /// The one-page factsheet for management and the funder (#23) over a period, from templates/factsheet.md: Markdown,
    /// HTML that prints on one A4 page, and Word. Made when asked for, not kept (the reports are kept). Null when the
    /// project does not exist.
    /// </summary>
    public async Task<Factsheet?> FactsheetAsync(long projectId, ReportParameters parameters, CancellationToken cancellationToken = default)
    {
        if (parameters.To < parameters.From)
        {
            throw new ValidationException([new ValidationError("to", "Het einde van de periode ligt voor het begin.")]);
        }

        var project = await _projects.FindAsync(projectId, cancellationToken);
        var data = await _builder.FactsheetAsync(projectId, parameters, cancellationToken);
        if (project is null || data is null)
        {
            return null;
        }

        const string title = "Factsheet";
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        var subtitle = $"{project.Name} · {project.Organisation} · {parameters.From.ToString("d MMMM yyyy", dutch)} – {parameters.To.ToString("d MMMM yyyy", dutch)}";
        var template = Check(FactsheetTemplate(), ReportPlaceholders.FactsheetCatalog);
        var markdown = $"# {title}\n\n*{MarkdownText.Escape(subtitle)}*\n\n" + template.RenderMarkdown(data);
        var html = template.RenderHtml(data, new HtmlReportOptions(title, "nl", subtitle,
            $"ImplementatieMonitor · factsheet voor management en financier · gemaakt op {parameters.Today.ToString("d MMMM yyyy", dutch)}", OnePage: true));
        return new Factsheet(markdown, html, template.RenderDocx(data, title, subtitle));
    }

    /// <summary>
    /// The default period of a scheduled progress report: the previous calendar month. This is the entry the
    /// worker's monthly job calls.
    /// </summary>
    public static ReportParameters PreviousMonth(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return new ReportParameters(first, first.AddMonths(1).AddDays(-1), today);
    }

    /// <summary>
    /// Whether the project has a scheduled report (<c>scheduled</c> in <see cref="GenerateAsync(long, ReportKind, long?, ReportParameters, Actor, bool, CancellationToken)"/>)
    /// of this kind over exactly this period; reports made by hand do not count. The monthly job's idempotency check.
    /// </summary>
    public async Task<bool> HasScheduledReportAsync(long projectId, ReportKind kind, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT EXISTS (
                SELECT 1 FROM report_snapshots
                WHERE project_id = @project AND report_type = @type AND scheduled = 1 AND period_start = @from AND period_end = @to);
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, sql, cancellationToken,
            ("@project", projectId), ("@type", Code(kind)), ("@from", IsoDate(from)), ("@to", IsoDate(to))) == 1;
    }

    public async Task<IReadOnlyList<SnapshotInfo>> ListSnapshotsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, $"SELECT {InfoColumns} FROM report_snapshots WHERE project_id = @project ORDER BY id DESC;", ReadInfo, cancellationToken,
            ("@project", projectId));
    }

    private const string InfoColumns = "id, report_type, template_name, template_version, parameters, created_at, created_by, sha256";
    private const string SnapshotColumns = InfoColumns + ", markdown, html";

    private static SnapshotInfo ReadInfo(DbDataReader reader) => new(reader.GetInt64(0),
        Codes.Parse<ReportKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetString(6), reader.GetString(7));

    /// <summary>The Word document stored with a snapshot; null when there is no such snapshot or it was made before Word output existed.</summary>
    public async Task<byte[]?> FindDocxAsync(long projectId, long snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync(null, "SELECT docx FROM report_snapshots WHERE id = @id AND project_id = @project;", cancellationToken,
            ("@id", snapshotId), ("@project", projectId)) as byte[];
    }

    /// <summary>The Markdown deliverable with its charts as PNG files (a zip); null when there is no such snapshot or it was made before.</summary>
    public async Task<byte[]?> FindMarkdownPackageAsync(long projectId, long snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync(null, "SELECT markdown_package FROM report_snapshots WHERE id = @id AND project_id = @project;", cancellationToken,
            ("@id", snapshotId), ("@project", projectId)) as byte[];
    }

    public async Task<ReportSnapshot?> FindSnapshotAsync(long projectId, long snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await FindSnapshotAsync(connection, null, projectId, snapshotId, cancellationToken);
    }

    private static async Task<ReportSnapshot?> FindSnapshotAsync(DbConnection connection, DbTransaction? transaction, long projectId, long snapshotId, CancellationToken cancellationToken) =>
        await connection.QueryFirstAsync(transaction, $"SELECT {SnapshotColumns} FROM report_snapshots WHERE id = @id AND project_id = @project;",
            reader => new ReportSnapshot(ReadInfo(reader), reader.GetString(8), reader.GetString(9)), cancellationToken, ("@id", snapshotId), ("@project", projectId));

    /// <summary>What changed in the Markdown since the previous snapshot of the same report type; null when there is none before it.</summary>
    public async Task<(SnapshotInfo Previous, IReadOnlyList<DiffLine> Lines)?> DiffWithPreviousAsync(long projectId, long snapshotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var current = await FindSnapshotAsync(connection, transaction, projectId, snapshotId, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var previousId = await connection.ScalarLongAsync(transaction, "SELECT max(id) FROM report_snapshots WHERE project_id = @project AND report_type = @type AND id < @id;",
            cancellationToken, ("@project", projectId), ("@type", Code(current.Info.Kind)), ("@id", snapshotId));
        if (previousId is null || await FindSnapshotAsync(connection, transaction, projectId, previousId.Value, cancellationToken) is not { } previous)
        {
            return null;
        }

        return (previous.Info, Diff(previous.Markdown.Split('\n'), current.Markdown.Split('\n')));
    }

    /// <summary>
    /// A line diff through the one diff, <see cref="SequenceDiff"/>: its equal runs are the unchanged lines, and each change
    /// between them shows its removed lines before its added lines. Within the work budget it is a shortest edit script:
    /// the fewest added and removed lines.
    /// </summary>
    public static IReadOnlyList<DiffLine> Diff(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Intern(IReadOnlyList<string> lines)
        {
            var result = new int[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                if (!ids.TryGetValue(lines[i], out result[i]))
                {
                    result[i] = ids[lines[i]] = ids.Count;
                }
            }

            return result;
        }

        var (a, b) = (Intern(before), Intern(after));
        var lines = new List<DiffLine>(Math.Max(a.Length, b.Length));
        var (x, y) = (0, 0);
        void ChangesUpTo(int beforeEnd, int afterEnd)
        {
            while (x < beforeEnd)
            {
                lines.Add(new DiffLine('-', before[x++]));
            }

            while (y < afterEnd)
            {
                lines.Add(new DiffLine('+', after[y++]));
            }
        }

        new SequenceDiff(DiffBudget).Run(a, 0, a.Length, b, 0, b.Length, (i, j, count) =>
        {
            ChangesUpTo(i, j);
            for (var k = 0; k < count; k++)
            {
                lines.Add(new DiffLine(' ', before[i + k]));
            }

            (x, y) = (i + count, j + count);
        });
        ChangesUpTo(a.Length, b.Length);
        return lines;
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
