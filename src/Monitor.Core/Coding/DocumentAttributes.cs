using System.Data.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

/// <summary>
/// Attributes of a coding document that came with an imported REFI-QDA file: the values of the variables of its
/// source and of the cases it belongs to (getraind/ongetraind, team, gender ...), plus the names of those cases as
/// "Casus". Written inside the import's transaction and exported back as variables of the source.
/// </summary>
internal static class DocumentAttributes
{
    public const int NameMaxLength = 200;
    public const int ValueMaxLength = 2000;

    /// <summary>Per document of the project its attributes, by name.</summary>
    public static async Task<Dictionary<long, SortedDictionary<string, string>>> ReadAsync(DbConnection connection, DbTransaction? transaction, long projectId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.document_id, a.name, a.value FROM document_attributes a JOIN coding_documents d ON d.id = a.document_id
            WHERE d.project_id = @project;
            """;
        var rows = await connection.QueryAsync(transaction, sql, reader => (Document: reader.GetInt64(0), Name: reader.GetString(1), Value: reader.GetString(2)), cancellationToken, ("@project", projectId));
        return rows.GroupBy(r => r.Document).ToDictionary(g => g.Key, g => new SortedDictionary<string, string>(g.ToDictionary(r => r.Name, r => r.Value), StringComparer.Ordinal));
    }

    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, long documentId, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        const string sql = "INSERT INTO document_attributes (document_id, name, value) VALUES (@document, @name, @value) ON CONFLICT (document_id, name) DO UPDATE SET value = excluded.value;";
        foreach (var (name, value) in attributes)
        {
            await connection.ExecuteAsync(transaction, sql, cancellationToken, ("@document", documentId),
                ("@name", CodebookExchange.Trim(name.Trim(), NameMaxLength)), ("@value", CodebookExchange.Trim(value, ValueMaxLength)));
        }
    }
}
