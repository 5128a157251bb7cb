namespace Monitor.Core.Learning;

/// <summary>Where an agenda entry stands: open → in uitvoering → opgelost or losgelaten (stored as open, inuitvoering, opgelost, losgelaten).</summary>
public enum LearningStatus
{
    Open,
    InUitvoering,
    Opgelost,
    Losgelaten,
}
