using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>The learning agenda of a project: entries with their status, what was on it on a given day, and suggestions.</summary>
[ProjectPermission(Capability.ViewMeetingDetails)]
public sealed class AgendaModel : LearningPageModel
{
    private readonly LearningAgendaStore _agenda;
    private readonly TimelineStore _timeline;

    public AgendaModel(ProjectStore projects, IAuthorizationService authorization, LearningAgendaStore agenda, TimelineStore timeline) : base(projects, authorization)
    {
        _agenda = agenda;
        _timeline = timeline;
    }

    public IReadOnlyList<LearningItem> Items { get; private set; } = [];

    public IReadOnlyList<LearningSuggestion> Suggestions { get; private set; } = [];

    /// <summary>The day asked for with ?op= (a meeting's date): the agenda as it was then; null for the current agenda.</summary>
    public DateOnly? On { get; private set; }

    public IReadOnlyList<AgendaEntryAt> AgendaOn { get; private set; } = [];

    public IReadOnlyList<DateOnly> MeetingDays { get; private set; } = [];

    public string? DateError { get; private set; }

    private IReadOnlyDictionary<LearningSource, LearningSourceTarget> _targets = new Dictionary<LearningSource, LearningSourceTarget>();
    private bool _linkFindings;

    /// <summary>An entry as the shared _LearningItem partial shows it.</summary>
    public LearningItemCard Card(LearningItem item) => new(ProjectId, item, _targets, _linkFindings, CanEditAgenda);

    public async Task<IActionResult> OnGetAsync(long id, string? op, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _agenda.ListAsync(id, cancellationToken) is not { } items)
        {
            return NotFound();
        }

        Items = items;
        _targets = await _agenda.DescribeSourcesAsync(id, cancellationToken);
        _linkFindings = (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ViewReports))).Succeeded;
        var fields = new FieldParser();
        On = fields.Date(op, "op", "de datum");
        DateError = fields.Errors.Count > 0 ? fields.Errors[0].Message : null;
        if (On is { } day)
        {
            AgendaOn = LearningAgenda.At(items, day);
        }

        MeetingDays = [.. ((await _timeline.ReadAsync(id, null, cancellationToken))?.Events ?? []).Where(e => e.Kind == TimelineEventKind.Bijeenkomst).Select(e => e.On).Distinct().OrderDescending()];
        if (CanEditAgenda)
        {
            Suggestions = LearningSuggester.Suggest(await _agenda.LessAnswersAsync(id, cancellationToken));
        }

        return Page();
    }
}
