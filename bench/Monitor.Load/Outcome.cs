namespace Monitor.Load;

/// <summary>How one request ended: a conflicting write (409, or a coding refused for overlapping one being made at the same time) is expected under load and counted apart from errors.</summary>
internal enum Outcome
{
    Ok,
    Conflict,
    Error,
}
