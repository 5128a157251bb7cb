using System.Globalization;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Findings;

/// <summary>
/// Proposes candidate findings from the coded data, each with its evidence and counts; the researcher accepts
/// (a concept finding with that evidence), merges into an existing finding, rewrites after accepting, or
/// dismisses. Rules (no candidate without evidence):
/// <list type="bullet">
/// <item>candidate success factor: a MIDI determinant with at least <see cref="MinimumFragments"/> facilitating
/// fragments in at least two documents, more facilitating than hindering;</item>
/// <item>candidate lesson: a MIDI determinant with at least <see cref="MinimumFragments"/> hindering fragments in
/// at least two documents, at least as many hindering as facilitating;</item>
/// <item>candidate lesson from the reflections: a code given to "wat werkte minder" answers of at least two
/// different meetings.</item>
/// </list>
/// Only regular and consensus codings count (not the individual codings of a blind round).
/// </summary>
public sealed class FindingSuggester
{
    public const int MinimumFragments = 3;

    private readonly MonitorDatabase _database;
    private readonly FragmentQueries _fragments;
    private readonly FindingStore _findings;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public FindingSuggester(MonitorDatabase database, FragmentQueries fragments, FindingStore findings, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _fragments = fragments;
        _findings = findings;
        _audit = audit;
        _time = time;
    }

    public async Task<IReadOnlyList<FindingSuggestion>> SuggestAsync(long projectId, CancellationToken cancellationToken = default)
    {
        var fragments = await _fragments.ListFragmentsAsync(projectId, new FragmentFilter { Limit = int.MaxValue }, cancellationToken);
        var findings = await _findings.ListAsync(projectId, cancellationToken);
        var dismissed = await DismissedAsync(projectId, cancellationToken);
        var suggestions = new List<FindingSuggestion>();
        foreach (var code in fragments.Where(f => f.CodeKey?.StartsWith("midi-", StringComparison.Ordinal) == true && !f.CodeKey.StartsWith("midi-groep", StringComparison.Ordinal)).GroupBy(f => f.Coding.CodeId))
        {
            var number = int.Parse(code.First().CodeKey!["midi-".Length..], CultureInfo.InvariantCulture);
            var facilitating = code.Where(f => f.Coding.Valence == Valence.Bevorderend).ToList();
            var hindering = code.Where(f => f.Coding.Valence == Valence.Belemmerend).ToList();
            var name = code.First().CodeName;
            if (facilitating.Count >= MinimumFragments && Documents(facilitating) >= 2 && facilitating.Count > hindering.Count)
            {
                suggestions.Add(Suggestion($"succesfactor:midi-{number}", FindingKind.Succesfactor, $"{name} werkt bevorderend",
                    $"{facilitating.Count} bevorderende fragmenten in {Documents(facilitating)} documenten ({Meetings(facilitating)} bijeenkomsten), tegen {hindering.Count} belemmerende.",
                    number, code.Key, facilitating.Count, hindering.Count, facilitating, findings));
            }

            if (hindering.Count >= MinimumFragments && Documents(hindering) >= 2 && hindering.Count >= facilitating.Count)
            {
                suggestions.Add(Suggestion($"les:midi-{number}", FindingKind.Les, $"{name}: terugkerende belemmering",
                    $"{hindering.Count} belemmerende fragmenten in {Documents(hindering)} documenten ({Meetings(hindering)} bijeenkomsten), tegen {facilitating.Count} bevorderende.",
                    number, code.Key, facilitating.Count, hindering.Count, hindering, findings));
            }
        }

        // "wat werkte minder" answers of closing reflections that got the same code in different meetings
        foreach (var code in fragments.Where(f => f.ReflectionPart == "minder").GroupBy(f => f.Coding.CodeId).Where(g => Meetings(g.ToList()) >= 2))
        {
            var list = code.ToList();
            var first = list[0];
            int? number = first.CodeKey is { } key && key.StartsWith("midi-", StringComparison.Ordinal) && int.TryParse(key["midi-".Length..], CultureInfo.InvariantCulture, out var n) ? n : null;
            suggestions.Add(Suggestion($"les-minder:{code.Key}", FindingKind.Les, $"Terugkerend in ‘minder gewerkt’: {first.CodeName}",
                $"In {Meetings(list)} bijeenkomsten noemden deelnemers bij ‘wat werkte minder’ iets dat met {first.CodeName} is gecodeerd ({list.Count} fragmenten).",
                number, code.Key, list.Count(f => f.Coding.Valence == Valence.Bevorderend), list.Count(f => f.Coding.Valence == Valence.Belemmerend), list, findings));
        }

        return suggestions.Where(s => !dismissed.Contains(s.Key))
            .OrderBy(s => s.Kind).ThenByDescending(s => s.Fragments.Count).ThenBy(s => s.Title, StringComparer.Ordinal).ToList();
    }

    private static FindingSuggestion Suggestion(string key, FindingKind kind, string title, string reason, int? determinant, long codeId, int facilitators, int barriers, IReadOnlyList<Fragment> evidence, IReadOnlyList<Finding> findings)
    {
        var codingIds = evidence.Select(f => f.Coding.Id).ToHashSet();
        var related = findings.Where(f => (determinant is { } d && f.Fields.Determinants.Contains(d))
                || f.Evidence.Any(e => e.Kind == EvidenceKind.Codering && codingIds.Contains(e.TargetId)))
            .Select(f => (f.Id, f.Fields.Title)).ToList();
        return new FindingSuggestion
        {
            Key = key,
            Kind = kind,
            Title = title,
            Reason = reason,
            Determinant = determinant,
            CodeId = codeId,
            Facilitators = facilitators,
            Barriers = barriers,
            Meetings = Meetings(evidence),
            Fragments = evidence,
            RelatedFindings = related,
        };
    }

    private static int Documents(IReadOnlyCollection<Fragment> fragments) => fragments.Select(f => f.Coding.DocumentId).Distinct().Count();

    private static int Meetings(IReadOnlyCollection<Fragment> fragments) => fragments.Select(f => f.MeetingId ?? -f.Coding.DocumentId).Distinct().Count();

    /// <summary>Turns a suggestion into a concept finding with its fragments as evidence. Null when the suggestion no longer exists.</summary>
    public async Task<long?> AcceptAsync(long projectId, string key, Actor actor, CancellationToken cancellationToken = default)
    {
        var suggestion = (await SuggestAsync(projectId, cancellationToken)).FirstOrDefault(s => s.Key == key);
        if (suggestion is null)
        {
            return null;
        }

        var draft = new FindingDraft
        {
            Kind = suggestion.Kind,
            Title = suggestion.Title,
            Explanation = suggestion.Reason,
            Determinants = suggestion.Determinant is { } d ? [d] : [],
        };
        return await _findings.CreateAsync(projectId, draft, suggestion.Fragments.Select(f => (EvidenceKind.Codering, f.Coding.Id)).ToList(), actor, cancellationToken);
    }

    /// <summary>Adds a suggestion's fragments as evidence to an existing finding. False when either is not found.</summary>
    public async Task<bool> MergeAsync(long projectId, string key, long findingId, Actor actor, CancellationToken cancellationToken = default)
    {
        var suggestion = (await SuggestAsync(projectId, cancellationToken)).FirstOrDefault(s => s.Key == key);
        if (suggestion is null || await _findings.FindAsync(projectId, findingId, cancellationToken) is null)
        {
            return false;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var at = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var fragment in suggestion.Fragments)
        {
            await FindingStore.AddEvidenceCoreAsync(connection, transaction, projectId, findingId, EvidenceKind.Codering, fragment.Coding.Id, "", actor.Name, at, cancellationToken);
        }

        await _findings.RecordAsync(connection, transaction, projectId, findingId, $"suggestie samengevoegd ({suggestion.Fragments.Count} fragmenten)", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Dismisses a suggestion so it does not come back.</summary>
    public async Task DismissAsync(long projectId, string key, Actor actor, CancellationToken cancellationToken = default)
    {
        if (key.Length is 0 or > 100)
        {
            throw new ValidationException([new ValidationError("key", "Onbekende suggestie.")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await connection.ExecuteAsync(transaction, """
            INSERT INTO finding_suggestion_dismissals (project_id, suggestion_key, dismissed_at, dismissed_by) VALUES (@project, @key, @now, @by) ON CONFLICT DO NOTHING;
            """, cancellationToken, ("@project", projectId), ("@key", key), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("@by", actor.Name));

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("findingSuggestionDismissal", projectId, projectId, new Dictionary<string, string?> { ["key"] = key }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<HashSet<string>> DismissedAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync(null, "SELECT suggestion_key FROM finding_suggestion_dismissals WHERE project_id = @project;", reader => reader.GetString(0),
            cancellationToken, ("@project", projectId))).ToHashSet(StringComparer.Ordinal);
    }
}
