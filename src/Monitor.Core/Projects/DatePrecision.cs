namespace Monitor.Core.Projects;

/// <summary>How exact a meeting date is: the sources give some meetings by month only.</summary>
public enum DatePrecision
{
    Day,
    Month,
}
