namespace Monitor.Core.Projects;

/// <summary>The kinds of group a project has (see README glossary).</summary>
public enum GroupKind
{
    Ontwikkelgroep,
    Ontwikkelteam,
    Veranderteam,
    Kernteam,
    Leernetwerk,
    Stuurgroep,
    Overig,
}
