using Microsoft.Data.Sqlite;

namespace Monitor.Core.Meetings;

/// <summary>What a write to a meeting works with: the open transaction and the meeting as it was before the change.</summary>
public sealed record MeetingChange(SqliteConnection Connection, SqliteTransaction Transaction, MeetingRecord Meeting);
