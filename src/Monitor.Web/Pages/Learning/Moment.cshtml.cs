using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>
/// Adds, changes and deletes a high or low point of the timeline. Projectleider and onderzoeker change any; a deelnemer
/// adds them for their own group and changes or deletes only their own, in their own group (<see cref="MomentRules"/>).
/// </summary>
[ProjectPermission(Capability.ViewMeetingDetails)]
public sealed class MomentModel : LearningPageModel
{
    private readonly TimelineStore _timeline;

    public MomentModel(ProjectStore projects, IAuthorizationService authorization, TimelineStore timeline) : base(projects, authorization) => _timeline = timeline;

    public long? MomentId { get; private set; }

    public MomentDraft? Moment { get; private set; }

    /// <summary>The groups the moment may be put in (a deelnemer: their own).</summary>
    public IReadOnlyList<TimelineGroup> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long? momentId, CancellationToken cancellationToken)
    {
        if (momentId is null)
        {
            return LocalRedirect($"/projecten/{id}/tijdlijn");
        }

        if (!await LoadProjectAsync(id, cancellationToken) || await _timeline.FindMomentAsync(id, momentId.Value, cancellationToken) is not { } moment)
        {
            return NotFound();
        }

        var own = await OwnGroupsAsync(id, cancellationToken);
        var authors = await _timeline.MomentAuthorsAsync(id, cancellationToken);
        if (!MomentRules.MayChange(CanEditAgenda, User.UserId(), authors.GetValueOrDefault(momentId.Value), moment.GroupId, own ?? []))
        {
            return Forbid();
        }

        MomentId = momentId;
        Moment = moment;
        var timeline = (await _timeline.ReadAsync(id, null, cancellationToken))!;
        Groups = [.. timeline.Groups.Where(g => CanEditAgenda || own!.Contains(g.Id))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long? momentId, string? kind, string? occurredOn, string? groupId, string? title, string? story, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        long? onlyOwn = CanEditAgenda ? null : User.UserId() ?? 0;
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
            if (momentId is { } existing)
            {
                return await _timeline.UpdateMomentAsync(id, existing, draft, User.ToActor(), onlyOwn, cancellationToken);
            }

            return await _timeline.AddMomentAsync(id, draft, User.ToActor(), onlyOwn, cancellationToken) is null ? null : draft.Title.Trim();
        }, momentId is null ? "Timeline.MomentAdded" : "Timeline.MomentChanged", $"/projecten/{id}/tijdlijn");
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, long momentId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(
            async () => await _timeline.DeleteMomentAsync(id, momentId, User.ToActor(), CanEditAgenda ? null : User.UserId() ?? 0, cancellationToken),
            "Timeline.MomentDeleted", $"/projecten/{id}/tijdlijn");
    }

    private async Task<IReadOnlyList<long>?> OwnGroupsAsync(long id, CancellationToken cancellationToken) =>
        CanEditAgenda || User.UserId() is not { } userId ? null : await _timeline.GroupIdsOfUserAsync(id, userId, cancellationToken);
}
