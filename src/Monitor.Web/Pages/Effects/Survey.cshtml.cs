using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Common;
using Monitor.Core.Effects;

namespace Monitor.Web.Pages.Effects;

/// <summary>
/// The anonymous questionnaire behind a round link, made for a phone: no login, no IP address or time kept, nothing that
/// identifies; the condition comes from the link. A closed round or a revoked link shows a message instead.
/// </summary>
[AllowAnonymous]
public sealed class SurveyModel : PageModel
{
    private readonly SurveyRoundStore _rounds;

    public SurveyModel(SurveyRoundStore rounds) => _rounds = rounds;

    public RoundLinkContext? Round { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyDictionary<long, string?> Given { get; private set; } = new Dictionary<long, string?>();

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool verzonden, CancellationToken cancellationToken)
    {
        Round = await _rounds.OpenLinkAsync(token, cancellationToken);
        Saved = verzonden && Round is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Round = await _rounds.OpenLinkAsync(token, cancellationToken);
        if (Round is not { Open: true })
        {
            return Page();
        }

        Given = Round.Questionnaire.Items.ToDictionary(i => i.Id, i => (string?)Request.Form[$"item{i.Id}"].ToString());
        try
        {
            if (await _rounds.SubmitAsync(token, Given, cancellationToken) is null)
            {
                Round = null;
                return Page();
            }
        }
        catch (ValidationException ex)
        {
            Errors = [.. ex.Errors.Select(e => e.Message)];
            return Page();
        }

        return LocalRedirect($"/vragenlijst/{Uri.EscapeDataString(token)}?verzonden=true");
    }
}
