namespace Monitor.Core.Accounts;

/// <summary>A personal API token as listed to its owner (the secret itself is shown once and never stored).</summary>
public sealed record ApiToken
{
    public required long Id { get; init; }
    public required long UserId { get; init; }
    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset? LastUsedAt { get; init; }
    public required DateTimeOffset? RevokedAt { get; init; }

    public bool IsActive => RevokedAt is null;
}
