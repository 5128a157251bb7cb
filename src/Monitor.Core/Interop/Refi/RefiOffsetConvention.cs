namespace Monitor.Core.Interop.Refi;

/// <summary>
/// How a program counted the selection positions of a text source. REFI-QDA says Unicode code points of the stored
/// text (§10.2); in practice ATLAS.ti and QualCoder's "MAXQDA line endings" export count a Windows line end (CRLF)
/// as one position, and some Windows tools count UTF-16 units (an emoji as two).
/// </summary>
public enum RefiOffsetConvention
{
    CodePoints,
    CodePointsCrLfAsOne,
    Utf16,
    Utf16CrLfAsOne,
}
