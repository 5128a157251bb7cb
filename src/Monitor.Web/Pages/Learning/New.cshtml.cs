using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>Puts an entry on the learning agenda (the form and the suggestions on the agenda page post here).</summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class NewModel : LearningPageModel
{
    private readonly LearningAgendaStore _agenda;

    public NewModel(ProjectStore projects, IAuthorizationService authorization, LearningAgendaStore agenda) : base(projects, authorization) => _agenda = agenda;

    public IActionResult OnGet(long id) => LocalRedirect($"/projecten/{id}/leeragenda");

    public async Task<IActionResult> OnPostAsync(long id, string? kind, string? title, string? description, string? owner, string? statusOn, string? sources, CancellationToken cancellationToken) =>
        await ChangeAsync(async () =>
        {
            var draft = ReadDraft(kind, title, description, owner, null, null, null, statusOn, null, sources);
            return await _agenda.CreateAsync(id, draft, User.ToActor(), cancellationToken) is null ? null : draft.Title.Trim();
        }, "Learning.Created", $"/projecten/{id}/leeragenda");

    /// <summary>Reads the agenda form; unreadable fields end in a <see cref="ValidationException"/> with Dutch messages.</summary>
    internal static LearningItemDraft ReadDraft(string? kind, string? title, string? description, string? owner, string? actions, string? learned,
        string? status, string? statusOn, string? statusNote, string? sources)
    {
        var fields = new FieldParser();
        var parsedKind = fields.RequiredCode<LearningItemKind>(kind, "kind", "soort punt");
        var parsedStatus = fields.Code<LearningStatus>(status, "status", "status");
        var on = fields.Date(statusOn, "statusOn", "de datum van de status");
        var errors = new List<ValidationError>(fields.Errors);
        var parsedSources = ParseSources(sources, errors);
        Checks.ThrowIfAny(errors);
        return new LearningItemDraft
        {
            Kind = parsedKind!.Value,
            Title = title ?? "",
            Description = description ?? "",
            Owner = owner ?? "",
            Actions = actions ?? "",
            Learned = learned ?? "",
            Status = parsedStatus ?? LearningStatus.Open,
            StatusOn = on,
            StatusNote = statusNote ?? "",
            Sources = parsedSources,
        };
    }
}
