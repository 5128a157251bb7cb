using System.Globalization;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

/// <summary>
/// Qualitative coding: codebooks and codes, documents to code with immutable text versions, codings
/// (span + code + valence + coder), retrieval and matrices, and blind double-coding rounds. Offsets are
/// Unicode code points, end exclusive. Every write runs in one transaction with its audit entry.
/// </summary>
public sealed partial class CodingStore
{
    public const int MemoMaxLength = 2000;
    public const int TitleMaxLength = 300;
    public const int CodeNameMaxLength = 200;
    public const int CodeTextMaxLength = 4000;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public CodingStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
