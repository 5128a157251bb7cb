using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;

namespace Monitor.Core.Tests.Support.Fixtures;

/// <summary>Projects with a group and held meetings, as the meeting, coding, findings and report tests need them.</summary>
internal static class MeetingFixtures
{
    private static readonly Actor _leader = new(7, "Projectleider");

    /// <summary>A project with one ontwikkelgroep (three-weekly) of three members; returns the ids.</summary>
    internal static async Task<(long ProjectId, long GroupId, long[] Members)> ProjectWithGroupAsync(TempDatabase db, string slug = "p", bool anonymous = false)
    {
        var projectId = await db.Projects.CreateAsync(new ProjectDraft
        {
            Slug = slug,
            Name = "Project " + slug,
            Organisation = "Gemeente",
            Innovation = "Werkwijze",
            StartDate = new DateOnly(2026, 1, 1),
            CurrentPhase = 1,
        }, Actor.System);
        var groupId = (await db.Groups.CreateGroupAsync(projectId, new GroupSettings
        {
            Kind = GroupKind.Ontwikkelgroep,
            Name = "Ontwikkelgroep",
            Cadence = "elke 3 weken",
            CadenceDays = 21,
            ReflectionsAnonymous = anonymous,
        }, _leader))!.Value;
        var members = new List<long>();
        foreach (var role in new[] { "Projectleider", "Re-integratieprofessional 1", "Re-integratieprofessional 2" })
        {
            members.Add((await db.Groups.AddMemberAsync(projectId, groupId, new MemberDraft { RoleLabel = role }, null, _leader))!.Value);
        }

        return (projectId, groupId, [.. members]);
    }

    internal static async Task<long> HeldMeetingAsync(TempDatabase db, long projectId, long groupId, DateOnly day, string title = "Sessie") =>
        (await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = day, Title = title, Status = MeetingStatus.Gehouden, StartsAt = new TimeOnly(13, 30), DurationMinutes = 180 }, _leader))!.Value;
}
