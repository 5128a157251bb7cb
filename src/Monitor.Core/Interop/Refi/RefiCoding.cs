namespace Monitor.Core.Interop.Refi;

/// <summary>One code applied to a selection by one coder (<paramref name="CreatingUser"/>).</summary>
public sealed record RefiCoding(Guid Guid, Guid CodeGuid, Guid? CreatingUser, DateTimeOffset? CreatedUtc);
