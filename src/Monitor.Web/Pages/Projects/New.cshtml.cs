using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
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
        var input = new FieldParser();
        var start = input.RequiredDate(StartDate, "startDate", "de startdatum");
        var end = input.Date(EndDate, "endDate", "de einddatum");
        if (input.HasErrors)
        {
            Errors = input.Errors;
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
}
