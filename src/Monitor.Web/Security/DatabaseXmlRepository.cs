using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Monitor.Core.Data;

namespace Monitor.Web.Security;

/// <summary>
/// The data-protection key ring in the database (table data_protection_keys, #20): every web node on the same
/// database reads and adds the same keys, so a login cookie or an anti-forgery token from one node is accepted by
/// another. The key manager calls this rarely (at start, when a key is about to expire, about once a day).
/// </summary>
internal sealed class DatabaseXmlRepository : IXmlRepository
{
    /// <summary>A key's XML is about 1 KB; the table refuses more than this.</summary>
    public const int MaxXmlLength = 64 * 1024;

    private readonly MonitorDatabase _database;
    private readonly TimeProvider _time;

    public DatabaseXmlRepository(MonitorDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    // IXmlRepository is synchronous; Microsoft.Data.Sqlite completes its async calls synchronously anyway.
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAllAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAllAsync()
    {
        await using var connection = await _database.OpenAsync();
        return await connection.QueryAsync(null, "SELECT xml FROM data_protection_keys ORDER BY id;", reader => XElement.Parse(reader.GetString(0)), CancellationToken.None);
    }

    private async Task StoreAsync(XElement element, string? friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        if (xml.Length > MaxXmlLength)
        {
            throw new InvalidOperationException($"A data-protection key of {xml.Length} characters is larger than the {MaxXmlLength} the table holds.");
        }

        await using var connection = await _database.OpenAsync();
        await using var transaction = await connection.BeginWriteAsync(CancellationToken.None);
        await connection.ExecuteAsync(transaction, """
            INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @now);
            """, CancellationToken.None, ("@name", Trim(friendlyName)), ("@xml", xml), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        await transaction.CommitAsync();
    }

    private static string Trim(string? name) => name is null ? "" : name.Length <= 200 ? name : name[..200];
}
