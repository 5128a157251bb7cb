namespace Monitor.Core.Planning;

/// <summary>Status of a plan activity (gepland, bezig, gereed, vervallen).</summary>
public enum ActivityStatus
{
    Gepland,
    Bezig,
    Gereed,
    Vervallen,
}
