namespace Monitor.Core.Learning;

/// <summary>What an agenda entry can be linked to (stored as bijeenkomst, reflectie, actiepunt, bevinding).</summary>
public enum LearningSourceKind
{
    Bijeenkomst,
    Reflectie,
    Actiepunt,
    Bevinding,
}
