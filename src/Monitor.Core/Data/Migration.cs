namespace Monitor.Core.Data;

/// <summary>One numbered schema change: Data/Migrations/NNNN_verb_noun.sql.</summary>
public sealed record Migration(int Version, string Name, string Sql);
