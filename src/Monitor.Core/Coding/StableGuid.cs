using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Coding;

/// <summary>
/// A GUID derived from a name (SHA-256, RFC 9562 version 8 layout), for export elements that have no stored
/// GUID (users, cases, variables, notes), so repeated exports carry the same GUIDs.
/// </summary>
public static class StableGuid
{
    public static Guid From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("implementatiemonitor:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
