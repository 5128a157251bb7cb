using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Common;
using Monitor.Core.Innovation;
using Monitor.Web.Forms;

namespace Monitor.Web.Pages.Innovation;

/// <summary>
/// The page behind a personal checklist link: one professional ticks, without an account, which core elements happened in
/// a conversation. The link shows the project's core elements and nothing else; a revoked or unknown link shows a message.
/// </summary>
[AllowAnonymous]
public sealed class LinkChecklistModel : PageModel
{
    private readonly FidelityStore _fidelity;
    private readonly TimeProvider _time;

    public LinkChecklistModel(FidelityStore fidelity, TimeProvider time)
    {
        _fidelity = fidelity;
        _time = time;
    }

    public FidelityLinkContext? Link { get; private set; }

    public ChecklistForm? Form { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool opgeslagen, CancellationToken cancellationToken)
    {
        await OpenAsync(token, cancellationToken);
        Saved = opgeslagen && Link is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? conversationOn, long[]? delivered, string? note, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken))
        {
            return Page();
        }

        var fields = new FieldParser();
        var on = fields.RequiredDate(conversationOn, "conversationOn", "de datum van het gesprek");
        try
        {
            fields.ThrowIfAny();
            if (await _fidelity.RecordThroughLinkAsync(token, on!.Value, delivered ?? [], note ?? "", cancellationToken) is null)
            {
                Link = null;
                return Page();
            }
        }
        catch (ValidationException ex)
        {
            Errors = [.. ex.Errors.Select(e => e.Message)];
            return Page();
        }

        return LocalRedirect($"/checklist/{Uri.EscapeDataString(token)}?opgeslagen=true");
    }

    private async Task<bool> OpenAsync(string token, CancellationToken cancellationToken)
    {
        Link = await _fidelity.OpenLinkAsync(token, cancellationToken);
        if (Link is not null)
        {
            Form = new ChecklistForm(Link.Elements, DutchClock.Today(_time), [], ChooseTeam: false, ChooseKind: false);
        }

        return Link is not null;
    }
}
