using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Portfolio;
using Monitor.Web.Endpoints;

namespace Monitor.Web.Pages.Portfolio;

/// <summary>
/// The portfolio dashboard for management: one row per project the user may see, sortable through the query
/// string (?sorteer=kolom&amp;richting=op|af), with a totals row.
/// </summary>
public sealed class IndexModel : PageModel
{
    /// <summary>Sort keys (the values of ?sorteer=) in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["naam", "organisatie", "fase", "score", "fasescore", "activiteiten", "overtijd", "bijeenkomst", "dagen", "actiepunten", "belemmeringen", "bereik"];

    private readonly PortfolioService _portfolio;
    private readonly AccountStore _accounts;
    private readonly FrameworkStore _frameworks;
    private readonly TimeProvider _time;

    public IndexModel(PortfolioService portfolio, AccountStore accounts, FrameworkStore frameworks, TimeProvider time)
    {
        _portfolio = portfolio;
        _accounts = accounts;
        _frameworks = frameworks;
        _time = time;
    }

    [BindProperty(Name = "sorteer", SupportsGet = true)]
    public string? SortColumn { get; set; }

    [BindProperty(Name = "richting", SupportsGet = true)]
    public string? SortDirection { get; set; }

    /// <summary>?peildatum=yyyy-MM-dd: the projects as they stood on that date; today when empty or not a date.</summary>
    [BindProperty(Name = "peildatum", SupportsGet = true)]
    public string? ReferenceDate { get; set; }

    public IReadOnlyList<PortfolioRow> Rows { get; private set; } = [];

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The column the rows are sorted by (naam when the query names none or an unknown one).</summary>
    public string Sorted => SortColumn is { } column && Columns.Contains(column) ? column : "naam";

    public bool Descending => SortDirection == "af";

    public int TotalActivities => Rows.Sum(r => r.Activities);

    public int TotalDone => Rows.Sum(r => r.ActivitiesDone);

    /// <summary>Done / counted activities over all listed projects (weighted by their number of activities).</summary>
    public double? TotalScore => TotalActivities == 0 ? null : (double)TotalDone / TotalActivities;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.TryParseExact(ReferenceDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var on)
            ? on : DutchClock.Today(_time);
        var visible = await PortfolioEndpoints.VisibleProjectsAsync(User, _accounts, cancellationToken);
        Rows = Sort(await _portfolio.ListAsync(visible, Today, cancellationToken));
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
    }

    public string PhaseName(int number) => UiText.PhaseName(Phases, number);

    /// <summary>The header link: the sorted column flips its direction, another column starts ascending.</summary>
    public string SortLink(string column) =>
        $"?sorteer={column}&richting={(column == Sorted && !Descending ? "af" : "op")}{(ReferenceDate is { Length: > 0 } on ? "&peildatum=" + Uri.EscapeDataString(on) : "")}";

    /// <summary>aria-sort for a header: only the sorted column carries it.</summary>
    public string? AriaSort(string column) => column == Sorted ? (Descending ? "descending" : "ascending") : null;

    private List<PortfolioRow> Sort(IReadOnlyList<PortfolioRow> rows)
    {
        var byName = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        IOrderedEnumerable<PortfolioRow> sorted = Sorted switch
        {
            "organisatie" => Order(rows, r => r.Organisation, byName),
            "fase" => Order(rows, r => r.CurrentPhase),
            "score" => OrderNullable(rows, r => r.OverallScore),
            "fasescore" => OrderNullable(rows, r => r.CurrentPhaseScore),
            "activiteiten" => Order(rows, r => r.ActivitiesDone).ThenBy(r => r.Activities),
            "overtijd" => Order(rows, r => r.OverdueActivities),
            "bijeenkomst" => OrderNullable(rows, r => r.LastMeetingOn),
            "dagen" => OrderNullable(rows, r => r.DaysSinceLastMeeting),
            "actiepunten" => Order(rows, r => r.OpenActionItems),
            "belemmeringen" => Order(rows, r => r.OpenBarriers),
            "bereik" => OrderNullable(rows, r => r.Reach),
            _ => Order(rows, r => r.Name, byName),
        };
        return sorted.ThenBy(r => r.Name, byName).ThenBy(r => r.ProjectId).ToList();
    }

    private IOrderedEnumerable<PortfolioRow> Order<TKey>(IEnumerable<PortfolioRow> rows, Func<PortfolioRow, TKey> key, IComparer<TKey>? comparer = null) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    // Projects without a value (no activities, no meeting yet) go last in either direction.
    private IOrderedEnumerable<PortfolioRow> OrderNullable<TKey>(IEnumerable<PortfolioRow> rows, Func<PortfolioRow, TKey?> key)
        where TKey : struct =>
        Descending
            ? rows.OrderBy(r => key(r) is null).ThenByDescending(r => key(r))
            : rows.OrderBy(r => key(r) is null).ThenBy(r => key(r));
}
