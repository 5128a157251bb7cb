using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Charts;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>
/// The look-back session (terugblik, issue #19): the timeline and the learning agenda shown to the group together, and
/// for projectleider and onderzoeker a form to record what the group concluded — as a finding draft (with the look-back
/// meeting as evidence) or as an update of an agenda entry (status and what was learned).
/// </summary>
[ProjectPermission(Capability.ViewMeetingDetails)]
public sealed class LookBackModel : LearningPageModel
{
    /// <summary>What a conclusion becomes.</summary>
    public const string AsFinding = "bevinding";
    public const string AsAgenda = "leeragenda";

    private readonly TimelineStore _timeline;
    private readonly LearningAgendaStore _agenda;
    private readonly FindingStore _findings;
    private readonly IChartRenderer _charts;
    private readonly TimeProvider _time;

    public LookBackModel(ProjectStore projects, IAuthorizationService authorization, TimelineStore timeline, LearningAgendaStore agenda, FindingStore findings,
        IChartRenderer charts, TimeProvider time) : base(projects, authorization)
    {
        _timeline = timeline;
        _agenda = agenda;
        _findings = findings;
        _charts = charts;
        _time = time;
    }

    public ProjectTimeline? Timeline { get; private set; }

    public ShownChart? Chart { get; private set; }

    public IReadOnlyList<LearningItem> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Held meetings, newest first: the look-back meeting a conclusion comes from.</summary>
    public IReadOnlyList<TimelineEvent> Meetings { get; private set; } = [];

    private IReadOnlyDictionary<LearningSource, LearningSourceTarget> _targets = new Dictionary<LearningSource, LearningSourceTarget>();
    private bool _linkFindings;

    public LearningItemCard Card(LearningItem item) => new(ProjectId, item, _targets, _linkFindings, CanEditAgenda);

    public async Task<IActionResult> OnGetAsync(long id, long? groep, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _timeline.ReadAsync(id, groep, cancellationToken) is not { } timeline
            || await _agenda.ListAsync(id, cancellationToken) is not { } items)
        {
            return NotFound();
        }

        Timeline = timeline;
        Today = DutchClock.Today(_time);
        if (timeline.Events.Count > 0)
        {
            Chart = ShownChart.Of(_charts, TimelineCharts.Build(timeline, T["Timeline.ChartTitle"].Value, T["Timeline.ChartDescription"].Value, UiText.Language, Today));
        }

        // the agenda as the group works on it: open and running entries first
        Items = [.. items.OrderBy(i => i.Status is LearningStatus.Opgelost or LearningStatus.Losgelaten).ThenBy(i => i.Id)];
        Meetings = [.. timeline.Events.Where(e => e.Kind == TimelineEventKind.Bijeenkomst).OrderByDescending(e => e.On).ThenByDescending(e => e.SourceId)];
        _targets = await _agenda.DescribeSourcesAsync(id, cancellationToken);
        _linkFindings = (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ViewReports))).Succeeded;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? conclusion, string? recordAs, string? meetingId, string? findingKind, string? findingTitle,
        string? itemId, string? status, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEditAgenda)
        {
            return Forbid();
        }

        var back = $"/projecten/{id}/terugblik";
        if (recordAs == AsAgenda)
        {
            return await ChangeAsync(async () =>
            {
                var fields = new FieldParser();
                var item = Id(fields, itemId, "itemId", "het punt van de leeragenda", required: true);
                var newStatus = fields.RequiredCode<LearningStatus>(status, "status", "de status");
                fields.ThrowIfAny();
                return await _agenda.RecordLookBackAsync(id, item!.Value, newStatus!.Value, conclusion ?? "", DutchClock.Today(_time), User.ToActor(), cancellationToken);
            }, "LookBack.AgendaUpdated", back);
        }

        return await ChangeAsync(async () =>
        {
            var fields = new FieldParser();
            var kind = fields.RequiredCode<FindingKind>(findingKind, "findingKind", "de soort bevinding");
            var meeting = Id(fields, meetingId, "meetingId", "de bijeenkomst", required: false);
            if (string.IsNullOrWhiteSpace(conclusion))
            {
                fields.Add("conclusion", "Vul in wat de groep concludeert.");
            }

            fields.ThrowIfAny();
            var draft = new FindingDraft { Kind = kind!.Value, Heading = "Terugblik", Title = findingTitle ?? "", Explanation = conclusion ?? "" };
            IReadOnlyList<(EvidenceKind, long)> evidence = meeting is { } m ? [(EvidenceKind.Bijeenkomst, m)] : [];
            await _findings.CreateAsync(id, draft, evidence, User.ToActor(), cancellationToken);
            return draft.Title.Trim();
        }, "LookBack.FindingDrafted", back);
    }

    private static long? Id(FieldParser fields, string? text, string field, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                fields.Add(field, $"Kies {label}.");
            }

            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        fields.Add(field, $"'{text}' is geen geldige keuze voor {label}.");
        return null;
    }
}
