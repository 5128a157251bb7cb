using System.Data.Common;

namespace Monitor.Core.Meetings;

/// <summary>What a write to a meeting works with: the open transaction and the meeting as it was before the change.</summary>
public sealed record MeetingChange(DbConnection Connection, DbTransaction Transaction, MeetingRecord Meeting);
