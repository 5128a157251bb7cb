namespace Monitor.Load;

/// <summary>One project of the run: its meetings (pages), held meetings with their minutes (saved back), coding documents and codable codes.</summary>
internal sealed record ProjectTarget(long Id, IReadOnlyList<long> MeetingIds, IReadOnlyList<MinutesTarget> Minutes, IReadOnlyList<DocumentTarget> Documents, IReadOnlyList<long> CodeIds);
