using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>Adds a high or low point to the timeline; a deelnemer adds them for their own group only.</summary>
[ProjectPermission(Capability.ViewMeetingDetails)]
public sealed class MomentModel : LearningPageModel
{
    private readonly TimelineStore _timeline;

    public MomentModel(ProjectStore projects, IAuthorizationService authorization, TimelineStore timeline) : base(projects, authorization) => _timeline = timeline;

    public IActionResult OnGet(long id) => LocalRedirect($"/projecten/{id}/tijdlijn");

    public async Task<IActionResult> OnPostAsync(long id, string? kind, string? occurredOn, string? groupId, string? title, string? story, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            var fields = new FieldParser();
            var parsedKind = fields.RequiredCode<MomentKind>(kind, "kind", "soort moment");
            var on = fields.RequiredDate(occurredOn, "occurredOn", "de datum");
            long? group = null;
            if (!string.IsNullOrWhiteSpace(groupId))
            {
                if (long.TryParse(groupId, NumberStyles.None, CultureInfo.InvariantCulture, out var g))
                {
                    group = g;
                }
                else
                {
                    fields.Add("groupId", $"'{groupId}' is geen groep.");
                }
            }

            fields.ThrowIfAny();
            var draft = new MomentDraft { Kind = parsedKind!.Value, OccurredOn = on!.Value, GroupId = group, Title = title ?? "", Story = story ?? "" };
            return await _timeline.AddMomentAsync(id, draft, User.ToActor(), CanEditAgenda ? null : User.UserId() ?? 0, cancellationToken) is null ? null : draft.Title.Trim();
        }, "Timeline.MomentAdded", $"/projecten/{id}/tijdlijn");
    }
}
