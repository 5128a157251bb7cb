using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>
/// Codes one document: the text with its coded runs marked, a form filled by selecting text (small script;
/// without script the offsets can be typed), the codings beside it, remove and undo. With ?ronde= the page
/// works inside a blind double-coding round: while the round is open the coder sees only their own codings.
/// </summary>
[ProjectPermission(Capability.CodeData)]
[RequestSizeLimit(64 * 1024)]
public sealed class DocumentModel : CodingPageModel
{
    private readonly CodingDocumentStore _documents;
    private readonly CodingStore _coding;
    private readonly CodebookStore _codebooks;
    private readonly FragmentQueries _fragments;
    private readonly RoundStore _rounds;

    public DocumentModel(ProjectStore projects, CodingDocumentStore documents, CodingStore coding, CodebookStore codebooks, FragmentQueries fragments, RoundStore rounds) : base(projects)
    {
        _documents = documents;
        _coding = coding;
        _codebooks = codebooks;
        _fragments = fragments;
        _rounds = rounds;
    }

    public CodingDocument Document { get; private set; } = null!;

    public DocumentVersion Version { get; private set; } = null!;

    public IReadOnlyList<Monitor.Core.Coding.Coding> Codings { get; private set; } = [];

    public IReadOnlyList<TextSegment> Segments { get; private set; } = [];

    public IReadOnlyList<Codebook> Codebooks { get; private set; } = [];

    public IReadOnlyDictionary<long, Code> CodesById { get; private set; } = new Dictionary<long, Code>();

    public CodingRound? Round { get; private set; }

    public IReadOnlyList<Fragment> Unplaced { get; private set; } = [];

    /// <summary>The text as runs: plain spans and marked coded runs, each with the code point it starts at (no whitespace between them).</summary>
    public Microsoft.AspNetCore.Html.HtmlString RenderText(Func<long, string> codeName, Func<string, string> valenceName)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var html = new System.Text.StringBuilder();
        foreach (var segment in Segments)
        {
            var start = segment.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (segment.CodingIds.Count == 0)
            {
                html.Append("<span data-start=\"").Append(start).Append("\">");
            }
            else
            {
                var covering = Codings.Where(c => segment.CodingIds.Contains(c.Id)).ToList();
                var valence = covering.Select(c => c.Valence).Distinct().Count() == 1 ? Codes.ToCode(covering[0].Valence) : "gemengd";
                var title = string.Join("; ", covering.Select(c => $"{codeName(c.CodeId)} ({valenceName(Codes.ToCode(c.Valence))})"));
                html.Append("<mark data-start=\"").Append(start).Append("\" class=\"coded val-").Append(valence).Append(covering.Count > 1 ? " multi" : "")
                    .Append("\" data-codings=\"").Append(string.Join(",", covering.Select(c => c.Id))).Append("\" title=\"").Append(encoder.Encode(title)).Append("\">");
            }

            if (segment.Runs.Count == 0)
            {
                html.Append(encoder.Encode(segment.Text));
            }

            // the minutes as they read: each piece of one style is a run with its own offset inside the segment
            foreach (var run in segment.Runs)
            {
                html.Append("<span data-start=\"").Append(run.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('"')
                    .Append(StyleClass(run.Style)).Append('>').Append(encoder.Encode(run.Text)).Append("</span>");
            }

            html.Append(segment.CodingIds.Count == 0 ? "</span>" : "</mark>");
        }

        return new Microsoft.AspNetCore.Html.HtmlString(html.ToString());
    }

    // The classes that show a run of the minutes as it reads (site.css: .md-*); the markers are hidden, not removed.
    private static readonly (TextStyle Style, string Class)[] _styleClasses =
        [(TextStyle.Marker, "md-marker"), (TextStyle.Bold, "md-bold"), (TextStyle.Italic, "md-italic"), (TextStyle.Code, "md-code"), (TextStyle.Heading, "md-heading")];

    private static string StyleClass(TextStyle style) =>
        style == TextStyle.None ? "" : " class=\"" + string.Join(' ', _styleClasses.Where(s => style.HasFlag(s.Style)).Select(s => s.Class)) + "\"";

    public string Back => $"/projecten/{ProjectId}/codering/documenten/{Document.Id}" + (Round is null ? "" : $"?ronde={Round.Id}");

    public string HandlerUrl(string handler) => Back + (Round is null ? "?" : "&") + "handler=" + handler;

    public async Task<IActionResult> OnGetAsync(long id, long documentId, long? ronde, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, documentId, ronde, cancellationToken))
        {
            return NotFound();
        }

        var me = User.UserId() ?? 0;
        Codings = await _coding.ListCodingsAsync(id, documentId, me, Round?.Id, cancellationToken);
        // minutes are Markdown: shown as they read, while every stored character keeps its offset
        Segments = CodedText.Segments(Version.Text, Codings, markdown: Document.Kind == DocumentKind.Verslag);
        Codebooks = await _codebooks.ListCodebooksAsync(id, cancellationToken);
        CodesById = Codebooks.SelectMany(b => b.Codes).ToDictionary(c => c.Id);
        Unplaced = await _fragments.ListUnplacedAsync(id, documentId, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, long documentId, long? ronde, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _documents.FindDocumentAsync(id, documentId, cancellationToken) is not { } found)
        {
            return false;
        }

        (Document, Version) = found;
        if (ronde is { } roundId)
        {
            Round = await _rounds.FindRoundAsync(id, roundId, cancellationToken);
            if (Round is null || !Round.DocumentIds.Contains(documentId))
            {
                return false;
            }
        }

        return true;
    }

    public async Task<IActionResult> OnPostAddAsync(long id, long documentId, long? ronde, int start, int end, long codeId, string? valence, string? memo, bool consensus, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, documentId, ronde, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            if (!Codes.TryParse<Valence>(valence, out var parsed))
            {
                throw new Monitor.Core.Common.ValidationException([new("valence", "Kies of het fragment bevorderend, belemmerend, gemengd of neutraal is.")]);
            }

            return await _coding.AddCodingAsync(id, new CodingInput(documentId, codeId, start, end, parsed, memo ?? "", Round?.Id, consensus && Round is not null), User.ToActor(), cancellationToken) is not null;
        }, "Coding.Coded", Back);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long documentId, long? ronde, long codingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, documentId, ronde, cancellationToken))
        {
            return NotFound();
        }

        return await ChangeAsync(() => _coding.RemoveCodingAsync(id, codingId, User.ToActor(), cancellationToken), "Coding.Removed", Back);
    }

    public async Task<IActionResult> OnPostUndoAsync(long id, long documentId, long? ronde, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, documentId, ronde, cancellationToken))
        {
            return NotFound();
        }

        string? undone = null;
        var result = await ChangeAsync(async () =>
        {
            undone = await _coding.UndoAsync(id, User.ToActor(), cancellationToken);
            return true;
        }, "", Back);
        Message = undone ?? (Errors is null ? T["Coding.NothingToUndo"].Value : null);
        return result;
    }
}
