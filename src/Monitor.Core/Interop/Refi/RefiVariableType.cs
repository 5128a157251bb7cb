namespace Monitor.Core.Interop.Refi;

/// <summary>The QDA-XML <c>typeOfVariable</c> values.</summary>
public enum RefiVariableType
{
    Text,
    Boolean,
    Integer,
    Float,
    Date,
    DateTime,
}
