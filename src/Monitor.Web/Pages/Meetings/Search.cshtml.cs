using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Meetings;

/// <summary>Full-text search over a project's minutes, agenda items, decisions, action items and reflections.</summary>
[ProjectPermission(Capability.ViewMeetingDetails)]
public sealed class SearchModel : PageModel
{
    private readonly MeetingQueries _queries;
    private readonly ProjectStore _projects;

    public SearchModel(MeetingQueries queries, ProjectStore projects)
    {
        _queries = queries;
        _projects = projects;
    }

    public long ProjectId { get; private set; }

    public string ProjectName { get; private set; } = "";

    public string Query { get; private set; } = "";

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    /// <summary>The words searched for when the query held search syntax (quotes, *, AND/OR): shown so nobody expects operators.</summary>
    public IReadOnlyList<string> ReadAsWords { get; private set; } = [];

    /// <summary>Why the query was not run (too long, no words), in Dutch.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? q, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        ProjectId = id;
        ProjectName = project.Name;
        Query = (q ?? "").Trim();
        try
        {
            Hits = Query.Length == 0 ? [] : await _queries.SearchAsync(id, Query, cancellationToken);
            ReadAsWords = SearchWords.LooksLikeSyntax(Query) ? SearchWords.Of(Query) : [];
        }
        catch (ValidationException ex)
        {
            Error = ex.Errors[0].Message;
            Query = "";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
