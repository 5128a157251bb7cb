using Monitor.Core.Common;

namespace Monitor.Web.Security;

/// <summary>Personal API tokens: 256 random bits, shown once; the database keeps only their SHA-256.</summary>
public static class ApiTokens
{
    public const string Prefix = "im_";

    public static (string Secret, string Hash, string Prefix) Generate()
    {
        var secret = SecretTokens.New(Prefix);
        return (secret, Hash(secret), secret[..(Prefix.Length + 6)]);
    }

    public static string Hash(string secret) => SecretTokens.Hash(secret);
}
