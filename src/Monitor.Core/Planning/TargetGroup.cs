namespace Monitor.Core.Planning;

/// <summary>Doelgroep of a plan activity, as in the Keuzehulp implementation plan.</summary>
public enum TargetGroup
{
    Professionals,
    Clienten,
    Management,
    Afdelingen,
    Overig,
}
