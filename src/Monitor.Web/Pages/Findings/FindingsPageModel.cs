using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Findings;
using Monitor.Core.Storage;
using Monitor.Core.Validation;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Findings;

/// <summary>Shared plumbing of the findings pages: the project, whether the user may change findings, messages over the redirect.</summary>
public abstract class FindingsPageModel : PageModel
{
    protected FindingsPageModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization)
    {
        Projects = projects;
        Findings = findings;
        Authorization = authorization;
    }

    protected ProjectStore Projects { get; }

    protected FindingStore Findings { get; }

    protected IAuthorizationService Authorization { get; }

    public long ProjectId { get; private set; }

    public string ProjectName { get; private set; } = "";

    public bool CanManage { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    protected async Task<bool> LoadProjectAsync(long id, CancellationToken cancellationToken)
    {
        if (await Projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return false;
        }

        ProjectId = id;
        ProjectName = project.Name;
        CanManage = (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        return true;
    }

    protected async Task<IActionResult> ChangeAsync(Func<Task<bool>> change, string message, string back)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }

            Message = message;
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return LocalRedirect(back);
    }

    /// <summary>Reads the finding form: kind, heading, title, explanation, determinants ("12, 23"), Bowen areas, phase.</summary>
    public static FindingDraft Draft(string? kind, string? heading, string? title, string? explanation, string? determinants, string? bowen, string? phase)
    {
        var errors = new List<ValidationError>();
        if (!FindingCodes.TryParse<FindingKind>(kind, out var parsedKind))
        {
            errors.Add(new ValidationError("kind", "Kies succesfactor, les of advies."));
        }

        IReadOnlyList<int> Numbers(string? text, string field, string what)
        {
            var numbers = new List<int>();
            foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    numbers.Add(n);
                }
                else
                {
                    errors.Add(new ValidationError(field, $"'{part}' is geen nummer van een {what}; schrijf bijvoorbeeld 12, 23."));
                }
            }

            return numbers;
        }

        var draft = new FindingDraft
        {
            Kind = parsedKind,
            Heading = heading ?? "",
            Title = title ?? "",
            Explanation = explanation ?? "",
            Determinants = Numbers(determinants, "determinants", "MIDI-determinant"),
            BowenAreas = Numbers(bowen, "bowenAreas", "principe van Bowen"),
            Phase = int.TryParse(phase, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null,
        };
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return draft;
    }
}
