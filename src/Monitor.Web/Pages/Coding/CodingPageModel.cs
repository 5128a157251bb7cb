
using Monitor.Core.Coding;
using Monitor.Core.Projects;

namespace Monitor.Web.Pages.Coding;

/// <summary>The coding pages (all behind CodeData): a project page with the coding store.</summary>
public abstract class CodingPageModel : ProjectPageModel
{
    protected CodingPageModel(ProjectStore projects, CodingStore coding) : base(projects) => Coding = coding;

    protected CodingStore Coding { get; }
}
