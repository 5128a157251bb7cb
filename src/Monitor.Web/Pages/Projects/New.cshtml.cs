using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Projects;

/// <summary>A beheerder creates a project; roles are then given under Beheer › Accounts.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class NewModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly FrameworkStore _frameworks;

    public NewModel(ProjectStore projects, FrameworkStore frameworks)
    {
        _projects = projects;
        _frameworks = frameworks;
    }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Innovation { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? StartDate { get; set; }
    [BindProperty] public string? EndDate { get; set; }
    [BindProperty] public int CurrentPhase { get; set; }

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Phases = await _frameworks.ListPhasesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
        var errors = new List<ValidationError>();
        var start = ParseDate(StartDate, "startDate", "De startdatum", required: true, errors);
        var end = ParseDate(EndDate, "endDate", "De einddatum", required: false, errors);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var draft = new ProjectDraft
        {
            Slug = string.IsNullOrWhiteSpace(Slug) ? SlugFrom(Name) : Slug.Trim(),
            Name = Name ?? "",
            Organisation = Organisation ?? "",
            Innovation = Innovation ?? "",
            Description = Description ?? "",
            StartDate = start!.Value,
            EndDate = end,
            CurrentPhase = CurrentPhase,
        };
        try
        {
            var id = await _projects.CreateAsync(draft, User.ToActor(), cancellationToken);
            return LocalRedirect($"/projecten/{id}");
        }
        catch (ValidationException ex)
        {
            Errors = ex.Errors;
            return Page();
        }
    }

    /// <summary>"Keuzehulp Tiel (2026)" → "keuzehulp-tiel-2026": lowercase ASCII words joined by dashes.</summary>
    public static string SlugFrom(string? name)
    {
        var decomposed = (name ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    private static DateOnly? ParseDate(string? text, string field, string label, bool required, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new(field, $"{label} is verplicht."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, $"{label} '{text}' is geen datum in de vorm jjjj-mm-dd."));
        return null;
    }
}
