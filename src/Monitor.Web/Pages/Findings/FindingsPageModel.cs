using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Findings;

/// <summary>Shared plumbing of the findings pages: the project, whether the user may change findings, messages over the redirect.</summary>
public abstract class FindingsPageModel : ProjectPageModel
{
    protected FindingsPageModel(ProjectStore projects, FindingStore findings, IAuthorizationService authorization) : base(projects)
    {
        Findings = findings;
        Authorization = authorization;
    }

    protected FindingStore Findings { get; }

    protected IAuthorizationService Authorization { get; }

    /// <summary>Whether the user may change findings and templates (onderzoeker, projectleider).</summary>
    public bool CanManage { get; private set; }

    /// <summary>How this user reads findings (management: only vastgestelde, no one identifiable).</summary>
    public Audience Audience { get; private set; }

    protected override async Task<bool> LoadProjectAsync(long id, CancellationToken cancellationToken)
    {
        if (!await base.LoadProjectAsync(id, cancellationToken))
        {
            return false;
        }

        CanManage = (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        Audience = await Audiences.ForAsync(Authorization, HttpContext);
        return true;
    }

    /// <summary>Reads the finding form: kind, heading, title, explanation, determinants ("12, 23"), Bowen areas, phase.</summary>
    public static FindingDraft Draft(string? kind, string? heading, string? title, string? explanation, string? determinants, string? bowen, string? phase)
    {
        var errors = new List<ValidationError>();
        if (!Codes.TryParse<FindingKind>(kind, out var parsedKind))
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
