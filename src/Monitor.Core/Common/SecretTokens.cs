using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Common;

/// <summary>
/// The one way secrets handed to people (API tokens, reflection links, calendar subscriptions) are made and kept:
/// random bytes from <see cref="RandomNumberGenerator"/>, URL-safe text, and only their SHA-256 in the database.
/// </summary>
public static class SecretTokens
{
    /// <summary>A new secret of <paramref name="bytes"/> random bytes, base64url, after <paramref name="prefix"/>.</summary>
    public static string New(string prefix, int bytes = 32) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The lower-case hex SHA-256 of a secret, as stored.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
