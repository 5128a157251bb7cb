using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Common;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Linkage;

namespace Monitor.Web.Pages.Effects;

/// <summary>
/// The anonymous questionnaire behind a round link or a personal invitation link, made for a phone: no login, no IP
/// address or time kept; the condition comes from the link (or, for an invitation, from the training register). A round
/// that asks for the personal code asks its three questions first; only a salted hash of the code is kept. A closed round,
/// a revoked link or a used invitation shows a message instead.
/// </summary>
[AllowAnonymous]
public sealed class SurveyModel : PageModel
{
    private readonly SurveyRoundStore _rounds;
    private readonly SurveyLinkageStore _linkage;

    public SurveyModel(SurveyRoundStore rounds, SurveyLinkageStore linkage)
    {
        _rounds = rounds;
        _linkage = linkage;
    }

    public RoundLinkContext? Round { get; private set; }

    /// <summary>Opened through a personal invitation (no personal code needed: the link links).</summary>
    public bool Invited { get; private set; }

    public bool AlreadyAnswered { get; private set; }

    public bool AsksCode { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IReadOnlyDictionary<long, string?> Given { get; private set; } = new Dictionary<long, string?>();

    public (string Letters, string Day, string Digit) GivenCode { get; private set; } = ("", "", "");

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool verzonden, CancellationToken cancellationToken)
    {
        await OpenAsync(token, cancellationToken);
        Saved = verzonden && Round is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? codeLetters, string? codeDay, string? codeDigit, CancellationToken cancellationToken)
    {
        await OpenAsync(token, cancellationToken);
        if (Round is not { Open: true } || AlreadyAnswered)
        {
            return Page();
        }

        Given = Round.Questionnaire.Items.ToDictionary(i => i.Id, i => (string?)Request.Form[$"item{i.Id}"].ToString());
        GivenCode = (codeLetters ?? "", codeDay ?? "", codeDigit ?? "");
        try
        {
            long? saved;
            if (Invited)
            {
                saved = await _linkage.SubmitInvitationAsync(token, Given, cancellationToken);
            }
            else
            {
                var errors = new List<ValidationError>();
                var code = AsksCode ? PersonalCode.From(codeLetters, codeDay, codeDigit, errors) : null;
                // the answers are checked too, so the respondent sees every problem at once
                SurveyRoundStore.ParseAnswers(Round.Questionnaire, Given, errors);
                Checks.ThrowIfAny(errors);
                saved = await _rounds.SubmitAsync(token, Given, code, cancellationToken);
            }

            if (saved is null)
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

    private async Task OpenAsync(string token, CancellationToken cancellationToken)
    {
        Round = await _rounds.OpenLinkAsync(token, cancellationToken);
        if (Round is not null)
        {
            AsksCode = await _linkage.AsksPersonalCodeAsync(Round.RoundId, cancellationToken);
            return;
        }

        if (await _linkage.OpenInvitationAsync(token, cancellationToken) is { } invitation)
        {
            Round = invitation.Round;
            Invited = true;
            AlreadyAnswered = invitation.Answered;
        }
    }
}
