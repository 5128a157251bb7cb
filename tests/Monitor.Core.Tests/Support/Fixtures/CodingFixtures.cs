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

    /// <summary>A project with minutes, two researchers A and B and an open blind round of both over the minutes; the code to use is <paramref name="codeKey"/>.</summary>
    internal static async Task<BlindRound> BlindRoundAsync(TempDatabase db, string codeKey = "midi-4", string minutes = Minutes)
    {
        var (projectId, meetingId, document) = await ProjectWithMinutesAsync(db, minutes: minutes);
        var a = await ResearcherAsync(db, "Onderzoeker A", projectId);
        var b = await ResearcherAsync(db, "Onderzoeker B", projectId);
        var roundId = await db.Rounds.CreateRoundAsync(projectId, "Ronde", [a.UserId!.Value, b.UserId!.Value], [document.Id], a);
        return new BlindRound(projectId, meetingId, document, a, b, roundId, await CodeIdAsync(db, codeKey));
    }
}

/// <summary>An open blind round made by <see cref="CodingFixtures.BlindRoundAsync"/>.</summary>
internal sealed record BlindRound(long ProjectId, long MeetingId, CodingDocument Document, Actor A, Actor B, long RoundId, long CodeId)
{
    public CodingInput Span(int start, int end, Valence valence = Valence.Belemmerend) => new(Document.Id, CodeId, start, end, valence, RoundId: RoundId);
}
