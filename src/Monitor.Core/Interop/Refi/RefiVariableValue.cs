namespace Monitor.Core.Interop.Refi;

/// <summary>
/// The value of one variable in its XML form: Boolean <c>true</c>/<c>false</c>, Integer and Float with a
/// dot as decimal separator, Date <c>yyyy-MM-dd</c>, DateTime ISO 8601 (written and read back in UTC with Z).
/// </summary>
public sealed record RefiVariableValue(Guid VariableGuid, string Value);
