namespace Monitor.Core.Interop.Refi;

/// <summary>A memo or reflection; selections point at it with a NoteRef.</summary>
public sealed record RefiNote(Guid Guid, string Name, string Text, Guid? CreatingUser, DateTimeOffset? CreatedUtc);
