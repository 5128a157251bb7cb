using Monitor.Core.Accounts;
using Monitor.Core.Coding;
using Monitor.Core.Data;

namespace Monitor.Core.Tests.Support.Fixtures;

/// <summary>Researchers, minutes documents and code ids for the coding, findings and report tests.</summary>
internal static class CodingFixtures
{
    internal const string Minutes = "Terugblik. De werkcoaches vinden de keuzehulp te ingewikkeld.\n\nWat goed ging: het team 👍 wil ermee werken, zegt de coördinator.";

    internal static async Task<Actor> ResearcherAsync(TempDatabase db, string name = "Onderzoeker 1", long? projectId = null)
    {
        var id = await db.Accounts.CreateAsync(new NewAccount { Email = name.Replace(' ', '.') + "@test.example", DisplayName = name, PasswordHash = "x" }, Actor.System);
        if (projectId is { } p)
        {
            await db.Accounts.SetProjectRoleAsync(id, p, ProjectRole.Onderzoeker, Actor.System);
        }

        return new Actor(id, name);
    }

    /// <summary>A project with one held meeting whose minutes are <see cref="Minutes"/>; returns the minutes document.</summary>
    internal static async Task<(long ProjectId, long MeetingId, CodingDocument Document)> ProjectWithMinutesAsync(TempDatabase db, string slug = "p", string minutes = Minutes)
    {
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db, slug);
        var meetingId = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.Meetings.SaveMinutesAsync(projectId, meetingId, minutes, Actor.System);
        var document = (await db.CodingDocuments.ListDocumentsAsync(projectId)).Single(d => d.Kind == DocumentKind.Verslag);
        return (projectId, meetingId, document);
    }

    internal static async Task<long> CodeIdAsync(TempDatabase db, string key) => await db.ScalarAsync($"SELECT id FROM codes WHERE key = '{key}'");
}
