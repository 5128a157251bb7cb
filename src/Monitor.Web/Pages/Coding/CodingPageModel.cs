using Monitor.Core.Projects;

namespace Monitor.Web.Pages.Coding;

/// <summary>The coding pages (all behind CodeData): a project page with the coding navigation; each page takes the coding stores it uses.</summary>
public abstract class CodingPageModel : ProjectPageModel
{
    protected CodingPageModel(ProjectStore projects) : base(projects)
    {
    }
}
