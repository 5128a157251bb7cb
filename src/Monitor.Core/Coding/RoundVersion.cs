namespace Monitor.Core.Coding;

/// <summary>A document of a closed round and the version of its text the round's figures were computed on.</summary>
public sealed record RoundVersion(long DocumentId, string Title, long VersionId, int VersionNumber, int CurrentVersionNumber)
{
    /// <summary>The text was edited after the round closed: the figures stay those of <see cref="VersionNumber"/>.</summary>
    public bool EditedSince => CurrentVersionNumber != VersionNumber;
}
