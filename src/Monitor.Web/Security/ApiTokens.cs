using System.Security.Cryptography;
using System.Text;

namespace Monitor.Web.Security;

/// <summary>Personal API tokens: 256 random bits, shown once; the database keeps only their SHA-256.</summary>
public static class ApiTokens
{
    public const string Prefix = "im_";

    public static (string Secret, string Hash, string Prefix) Generate()
    {
        var secret = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (secret, Hash(secret), secret[..(Prefix.Length + 6)]);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
