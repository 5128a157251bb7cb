using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Monitor.Core.Common;
using Monitor.Core.Learning;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Learning;

/// <summary>Shared plumbing of the learning agenda and timeline pages: the project, what the user may do, the sources field.</summary>
public abstract class LearningPageModel : ProjectPageModel
{
    protected LearningPageModel(ProjectStore projects, IAuthorizationService authorization) : base(projects) => Authorization = authorization;

    protected IAuthorizationService Authorization { get; }

    /// <summary>Projectleider and onderzoeker (and the beheerder) change the agenda.</summary>
    public bool CanEditAgenda { get; private set; }

    /// <summary>Everyone but management sees the agenda and adds high and low points.</summary>
    public bool CanSeeAgenda { get; private set; }

    protected override async Task<bool> LoadProjectAsync(long id, CancellationToken cancellationToken)
    {
        if (!await base.LoadProjectAsync(id, cancellationToken))
        {
            return false;
        }

        CanEditAgenda = (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        CanSeeAgenda = (await Authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ViewMeetingDetails))).Succeeded;
        return true;
    }

    /// <summary>The sources field of the agenda form: "bijeenkomst 12, reflectie 40" (kind and id, separated by commas).</summary>
    public static IReadOnlyList<LearningSource> ParseSources(string? text, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var sources = new List<LearningSource>();
        foreach (var part in (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split([' ', ':', '#'], StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length == 2 && Codes.TryParse<LearningSourceKind>(pieces[0], out var kind)
                && long.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sourceId))
            {
                sources.Add(new LearningSource(kind, sourceId));
            }
            else
            {
                errors.Add(new ValidationError("sources", $"'{part}' is geen bron; schrijf bijvoorbeeld bijeenkomst 12, reflectie 40 (soorten: {string.Join(", ", Codes.All<LearningSourceKind>())})."));
            }
        }

        return sources;
    }

    /// <summary>The sources as the form shows them again.</summary>
    public static string FormatSources(IEnumerable<LearningSource> sources) =>
        string.Join(", ", sources.Select(s => $"{s.Kind.ToCode()} {s.Id.ToString(CultureInfo.InvariantCulture)}"));
}
