namespace Monitor.Core.Reports;

/// <summary>
/// The periods a progress report compares with: the one before (the trend column) and the one after ("volgende
/// stappen"), each of the same length. A period of whole calendar months (a month, a quarter, a year) moves by whole
/// months, so Q4 is followed by Q1 and October is preceded by September; any other period moves by its number of days.
/// </summary>
public static class ReportPeriods
{
    public static (DateOnly From, DateOnly To) Previous(DateOnly from, DateOnly to) => Shift(from, to, -1);

    public static (DateOnly From, DateOnly To) Next(DateOnly from, DateOnly to) => Shift(from, to, 1);

    private static (DateOnly From, DateOnly To) Shift(DateOnly from, DateOnly to, int direction)
    {
        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
            var start = from.AddMonths(direction * months);
            return (start, start.AddMonths(months).AddDays(-1));
        }

        var days = to.DayNumber - from.DayNumber + 1;
        return (from.AddDays(direction * days), to.AddDays(direction * days));
    }
}
