using Monitor.Core.Common;

namespace Monitor.Core.Coding;

/// <summary>
/// The Description of a REFI-QDA selection as ImplementatieMonitor writes and reads it. QualCoder and MAXQDA show a
/// selection's Description as the coding memo, so the memo comes first; after it (a blank line between) follow the
/// lines "Valentie: belemmerend" and, for a coding of a double-coding round, "Ronde: naam" or "Ronde: naam (consensus)".
/// Reading takes those lines from the end and leaves everything before them as the memo, so a memo from another
/// program (no such lines) is kept whole. See docs/refi-qda.md.
/// </summary>
public static class CodingDescription
{
    public const string ValencePrefix = "Valentie: ";
    public const string RoundPrefix = "Ronde: ";
    public const string ConsensusSuffix = " (consensus)";

    public static string Format(string memo, Valence valence, string? round, bool consensus)
    {
        ArgumentNullException.ThrowIfNull(memo);
        var meta = ValencePrefix + Codes.ToCode(valence) + (round is null ? "" : "\n" + RoundPrefix + round + (consensus ? ConsensusSuffix : ""));
        return memo.Trim().Length == 0 ? meta : memo.Trim() + "\n\n" + meta;
    }

    public static (string Memo, Valence Valence, string? Round, bool Consensus) Parse(string? description)
    {
        var lines = (description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var valence = Valence.Neutraal;
        string? round = null;
        var consensus = false;
        while (lines.Count > 0)
        {
            var line = lines[^1].Trim();
            if (line.Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }
            else if (line.StartsWith(ValencePrefix, StringComparison.Ordinal) && Codes.TryParse<Valence>(line[ValencePrefix.Length..].Trim(), out var v))
            {
                valence = v;
                lines.RemoveAt(lines.Count - 1);
            }
            else if (line.StartsWith(RoundPrefix, StringComparison.Ordinal) && line.Length > RoundPrefix.Length)
            {
                round = line[RoundPrefix.Length..];
                consensus = round.EndsWith(ConsensusSuffix, StringComparison.Ordinal);
                round = consensus ? round[..^ConsensusSuffix.Length] : round;
                lines.RemoveAt(lines.Count - 1);
            }
            else
            {
                break;
            }
        }

        return (string.Join("\n", lines).Trim(), valence, round, consensus);
    }
}
