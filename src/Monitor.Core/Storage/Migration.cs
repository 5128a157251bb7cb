namespace Monitor.Core.Storage;

/// <summary>One numbered schema change: Storage/Migrations/NNNN_verb_noun.sql.</summary>
public sealed record Migration(int Version, string Name, string Sql);
