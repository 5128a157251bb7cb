using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Security;

/// <summary>
/// Walks every route of the app — enumerated from the endpoint data source, so a new route fails here until
/// it is added to <see cref="_expected"/> — with every role, and checks who gets in. The expectations are
/// written out here on purpose, not derived from the app's own policies: removing a check from a route
/// makes a role get in that should not, and this test fails.
/// </summary>
[NonParallelizable]
public sealed class RouteAuthorizationTests
{
    private const string Anonymous = "anoniem";
    private const string Admin = "beheerder";
    private const string Leader = "projectleider";
    private const string Researcher = "onderzoeker";
    private const string Manager = "management";
    private const string Participant = "deelnemer";
    private const string Outsider = "buitenstaander";
    private const string Guest = "gast";

    private static readonly string[] _everyone = [Anonymous, Admin, Leader, Researcher, Manager, Participant, Outsider, Guest];
    private static readonly string[] _signedIn = [Admin, Leader, Researcher, Manager, Participant, Outsider, Guest];
    private static readonly string[] _projectMembers = [Admin, Leader, Researcher, Manager, Participant];

    // Who may reach each route (pattern as in the endpoint data source). The project in {id} is Samen
    // Beslissen, where the demo deelnemer is a member; the outsider is that same deelnemer on Keuzehulp. The guest
    // (issue #23) is a person of another organisation invited into Keuzehulp's Leernetwerk group only: tried on Keuzehulp,
    // with group and meeting numbers that are not theirs, they reach no project route (their own group: see below).
    private static readonly Dictionary<string, string[]> _expected = new(StringComparer.Ordinal)
    {
        // anonymous
        ["inloggen"] = _everyone,
        ["uitloggen"] = _everyone,
        ["setup"] = _everyone,
        ["geen-toegang"] = _everyone,
        ["Fout"] = _everyone,
        ["taal"] = _everyone,
        ["health"] = _everyone,
        // any signed-in user
        [""] = _signedIn,
        ["Index"] = _signedIn,
        ["account"] = _signedIn,
        ["meldingen"] = _signedIn,
        // the personal answer route to the closing question: only the signed-in person's own meetings (issue #16)
        ["mijn-slotvragen"] = _signedIn,
        ["referentie"] = _signedIn,
        // the API description and its readable page: for everyone logged in (cookie or API token), like the API itself
        ["openapi/{documentName}.json"] = _signedIn,
        ["api-referentie"] = _signedIn,
        ["referentie/movisie"] = _signedIn,
        ["referentie/midi"] = _signedIn,
        ["referentie/bowen"] = _signedIn,
        ["api/v1/me/"] = _signedIn,
        ["api/v1/projects/"] = _signedIn,
        ["api/v1/frameworks/"] = _signedIn,
        ["api/v1/frameworks/movisie"] = _signedIn,
        ["api/v1/frameworks/midi"] = _signedIn,
        ["api/v1/frameworks/bowen"] = _signedIn,
        ["portfolio"] = _signedIn,
        ["api/v1/portfolio/"] = _signedIn,
        // per project
        ["projecten/{id:long}"] = _projectMembers,
        ["api/v1/projects/{id:long}"] = _projectMembers,
        ["projecten/{id:long}/bijeenkomsten.csv"] = [Admin, Leader, Researcher, Participant],
        ["projecten/{id:long}/audit"] = [Admin, Leader],
        ["projecten/{id:long}/audit.csv"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/audit"] = [Admin, Leader],
        ["projecten/{id:long}/privacy"] = [Admin, Leader],
        ["projecten/{id:long}/plan"] = _projectMembers,
        ["api/v1/projects/{id:long}/plan/"] = _projectMembers,
        ["api/v1/projects/{id:long}/plan/scores"] = _projectMembers,
        ["projecten/{id:long}/plan.csv"] = _projectMembers,
        ["projecten/{id:long}/plan.xlsx"] = _projectMembers,
        ["projecten/{id:long}/plan/wijzigen"] = [Admin, Leader],
        ["projecten/{id:long}/plan/activiteit/{activityId:long?}"] = [Admin, Leader],
        ["projecten/{id:long}/plan/import"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/plan/activities"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/plan/activities/{activityId:long}"] = [Admin, Leader],
        ["DELETE api/v1/projects/{id:long}/plan/activities/{activityId:long}"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/plan/activities/{activityId:long}/meetings"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/plan/goals/{phase:int}"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/plan/transitions"] = [Admin, Leader],
        // plan versions (#23): read as the plan (every project role), change by the projectleider
        ["projecten/{id:long}/plan/versies"] = _projectMembers,
        ["projecten/{id:long}/plan/versies/{versionId:long}"] = _projectMembers,
        ["projecten/{id:long}/plan/versies/wijzigen"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/plan/versions"] = _projectMembers,
        ["POST api/v1/projects/{id:long}/plan/versions"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/plan/versions/{versionId:long}"] = _projectMembers,
        ["POST api/v1/projects/{id:long}/plan/versions/{versionId:long}/status"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/plan/versions/{versionId:long}/diff"] = _projectMembers,
        // the factsheet (#23): a report, for all but the deelnemer
        ["projecten/{id:long}/rapporten/factsheet"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/rapporten/factsheet.html"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/rapporten/factsheet.docx"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/factsheet"] = [Admin, Leader, Researcher, Manager],
        // meetings (issue #4)
        ["projecten/{id:long}/groepen/{groupId:long}"] = _projectMembers,
        ["projecten/{id:long}/groepen/{groupId:long}/wijzigen"] = [Admin, Leader],
        ["projecten/{id:long}/bijeenkomsten/{meetingId:long}"] = [Admin, Leader, Researcher, Participant],
        ["projecten/{id:long}/bijeenkomsten/{meetingId:long}/wijzigen"] = [Admin, Leader],
        ["projecten/{id:long}/zoeken"] = [Admin, Leader, Researcher, Participant],
        ["reflectie/{token}"] = _everyone,
        // the personal calendar subscription: its secret address stands in for the login (issue #16)
        ["kalender/{token}.ics"] = _everyone,
        ["api/v1/projects/{id:long}/groups"] = _projectMembers,
        ["POST api/v1/projects/{id:long}/groups"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/groups/{groupId:long}"] = _projectMembers,
        ["PUT api/v1/projects/{id:long}/groups/{groupId:long}"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/groups/{groupId:long}/members"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/members/{memberId:long}/leave"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/members/{memberId:long}/account"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/members/{memberId:long}/personal-data"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/groups/{groupId:long}/calendar.ics"] = _projectMembers,
        ["api/v1/projects/{id:long}/meetings"] = _projectMembers,
        ["api/v1/projects/{id:long}/meetings/search"] = [Admin, Leader, Researcher, Participant],
        ["POST api/v1/projects/{id:long}/groups/{groupId:long}/meetings"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/meetings/{meetingId:long}"] = [Admin, Leader, Researcher, Participant],
        ["PUT api/v1/projects/{id:long}/meetings/{meetingId:long}"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/meetings/{meetingId:long}/minutes"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/meetings/{meetingId:long}/minutes-approved"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/meetings/{meetingId:long}/attendance"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/meetings/{meetingId:long}/guests"] = [Admin, Leader],
        ["DELETE api/v1/projects/{id:long}/meetings/{meetingId:long}/guests/{guestId:long}"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/meetings/{meetingId:long}/agenda-items"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/meetings/{meetingId:long}/agenda-items/{agendaItemId:long}"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/meetings/{meetingId:long}/agenda-items/{agendaItemId:long}/move"] = [Admin, Leader],
        ["DELETE api/v1/projects/{id:long}/meetings/{meetingId:long}/agenda-items/{agendaItemId:long}"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/meetings/{meetingId:long}/decisions"] = [Admin, Leader],
        ["DELETE api/v1/projects/{id:long}/meetings/{meetingId:long}/decisions/{decisionId:long}"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/meetings/{meetingId:long}/action-items"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/action-items/{actionItemId:long}/status"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/meetings/{meetingId:long}/reflections"] = [Admin, Leader],
        ["DELETE api/v1/projects/{id:long}/reflections/{reflectionId:long}"] = [Admin, Leader],
        ["PUT api/v1/projects/{id:long}/reflections/{reflectionId:long}/follow-up"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/meetings/{meetingId:long}/reflection-links"] = [Admin, Leader],
        ["DELETE api/v1/projects/{id:long}/meetings/{meetingId:long}/reflection-links"] = [Admin, Leader],
        ["projecten/{id:long}/reflecties.csv"] = [Admin, Leader, Researcher, Participant],
        // coding (#6): onderzoeker only (and the beheerder)
        ["projecten/{id:long}/codering"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/documenten/{documentId:long}"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/fragmenten"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/matrix"] = [Admin, Researcher],
        ["projecten/{id:long}/codeboeken"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/rondes"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/rondes/{roundId:long}"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/uitwisselen"] = [Admin, Researcher],
        ["projecten/{id:long}/codeboeken/{codebookId:long}.qdc"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/project.qdpx"] = [Admin, Researcher],
        ["projecten/{id:long}/codering/coderingen.csv"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codebooks"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codebooks/{codebookId:long}/codes"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codes/{codeId:long}"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codes/{codeId:long}/merge"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-documents"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-documents/{documentId:long}"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codings"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codings/{codingId:long}"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codings/undo"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/fragments"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/matrix"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/code-frequencies"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-rounds"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-rounds/{roundId:long}"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-rounds/{roundId:long}/close"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-rounds/{roundId:long}/disagreements"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-rounds/{roundId:long}/settlements"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/coding-rounds/{roundId:long}/agreement"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codebooks/{codebookId:long}/codebook.qdc"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/codebooks/import"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/exports/project.qdpx"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/exports/codings.csv"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/imports/qdpx"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/file-coders"] = [Admin, Researcher],
        ["api/v1/projects/{id:long}/file-coders/{fileCoderId:long}/account"] = [Admin, Researcher],
        // findings and reports (#7): read with ViewReports, change with ManageFindings
        ["projecten/{id:long}/bevindingen"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/bevindingen/{findingId:long}"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/bevindingen/{findingId:long}/wijzigen"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/bevindingen/nieuw"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/bevindingen/suggesties"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/rapporten"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/rapporten/{snapshotId:long}"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/rapporten/sjablonen"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/rapporten/{snapshotId:long}.html"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/rapporten/{snapshotId:long}.md"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/rapporten/{snapshotId:long}.docx"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/rapporten/{snapshotId:long}.zip"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/findings"] = [Admin, Leader, Researcher, Manager],
        ["POST api/v1/projects/{id:long}/findings"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/findings/{findingId:long}"] = [Admin, Leader, Researcher, Manager],
        ["PUT api/v1/projects/{id:long}/findings/{findingId:long}"] = [Admin, Leader, Researcher],
        ["DELETE api/v1/projects/{id:long}/findings/{findingId:long}"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/findings/{findingId:long}/status"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/findings/{findingId:long}/evidence"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/findings/{findingId:long}/evidence/{evidenceId:long}"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/findings/{findingId:long}/history"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/finding-suggestions"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/finding-suggestions/accept"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/finding-suggestions/merge"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/finding-suggestions/dismiss"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/reports"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/reports/{snapshotId:long}"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/reports/{snapshotId:long}/report.html"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/reports/{snapshotId:long}/report.md"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/reports/{snapshotId:long}/report.docx"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/reports/{snapshotId:long}/report.zip"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/reports/{snapshotId:long}/diff"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/report-schedule"] = [Admin, Leader, Researcher, Manager],
        ["PUT api/v1/projects/{id:long}/report-schedule"] = [Admin, Leader],
        // learning agenda and timeline (#19): agenda read by all but management, changed by projectleider and onderzoeker;
        // the timeline read by every project role, high and low points added by all but management
        ["projecten/{id:long}/leeragenda"] = [Admin, Leader, Researcher, Participant],
        ["projecten/{id:long}/leeragenda/nieuw"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/leeragenda/{itemId:long}"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/tijdlijn"] = _projectMembers,
        ["projecten/{id:long}/terugblik"] = [Admin, Leader, Researcher, Participant],
        ["projecten/{id:long}/tijdlijn/moment/{momentId:long?}"] = [Admin, Leader, Researcher, Participant],
        ["api/v1/projects/{id:long}/learning-agenda"] = [Admin, Leader, Researcher, Participant],
        ["POST api/v1/projects/{id:long}/learning-agenda"] = [Admin, Leader, Researcher],
        ["PUT api/v1/projects/{id:long}/learning-agenda/{itemId:long}"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/learning-agenda/suggestions"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/timeline"] = _projectMembers,
        ["POST api/v1/projects/{id:long}/timeline/moments"] = [Admin, Leader, Researcher, Participant],
        // the innovation itself (#22): core elements seen by every project role and changed by the projectleider (the
        // page's post handlers check that); checklists filled in by all who see meeting details, or anonymously through a
        // personal link; fidelity and reach aggregates for all but the deelnemer, reach counts saved by the projectleider
        ["projecten/{id:long}/kernelementen"] = _projectMembers,
        ["projecten/{id:long}/kernelementen/checklist"] = [Admin, Leader, Researcher, Participant],
        ["checklist/{token}"] = _everyone,
        ["referentie/kernelementen"] = _signedIn,
        ["api/v1/frameworks/core-elements"] = _signedIn,
        ["api/v1/projects/{id:long}/core-elements"] = _projectMembers,
        ["POST api/v1/projects/{id:long}/core-elements"] = [Admin, Leader],
        ["POST api/v1/projects/{id:long}/fidelity-checklists"] = [Admin, Leader, Researcher, Participant],
        ["api/v1/projects/{id:long}/fidelity"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/reach"] = [Admin, Leader, Researcher, Manager],
        ["PUT api/v1/projects/{id:long}/reach"] = [Admin, Leader],
        // effect measurement (#18): read by all who see reports; questionnaires, rounds, links, paper cards and the raw
        // answers by projectleider and onderzoeker; the questionnaire itself anonymously through its link
        ["projecten/{id:long}/effectmeting"] = [Admin, Leader, Researcher, Manager],
        ["vragenlijst/{token}"] = _everyone,
        ["api/v1/projects/{id:long}/questionnaires"] = [Admin, Leader, Researcher, Manager],
        ["POST api/v1/projects/{id:long}/questionnaires"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/questionnaires/copy"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/questionnaires/{questionnaireId:long}/versions"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/survey-rounds"] = [Admin, Leader, Researcher, Manager],
        ["POST api/v1/projects/{id:long}/questionnaires/{questionnaireId:long}/rounds"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/survey-rounds/{roundId:long}/links"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/survey-rounds/{roundId:long}/paper"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/survey-rounds/{roundId:long}/analysis"] = [Admin, Leader, Researcher, Manager],
        ["api/v1/projects/{id:long}/survey-rounds/{roundId:long}/responses.csv"] = [Admin, Leader, Researcher],
        // linkage, paper entry and import (#18): the register, invitations, the personal-code switch, paper cards and imports by
        // projectleider and onderzoeker; the linkage page and the paired analysis by all who see reports
        ["projecten/{id:long}/effectmeting/trainingsregister"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/effectmeting/koppeling"] = [Admin, Leader, Researcher, Manager],
        ["projecten/{id:long}/effectmeting/papier"] = [Admin, Leader, Researcher],
        ["projecten/{id:long}/effectmeting/import"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/training-register"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/training-register"] = [Admin, Leader, Researcher],
        ["PUT api/v1/projects/{id:long}/training-register/{entryId:long}"] = [Admin, Leader, Researcher],
        ["DELETE api/v1/projects/{id:long}/training-register/{entryId:long}"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/questionnaires/{questionnaireId:long}/paired"] = [Admin, Leader, Researcher, Manager],
        ["PUT api/v1/projects/{id:long}/survey-rounds/{roundId:long}/personal-code"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/survey-rounds/{roundId:long}/invitations"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/survey-rounds/{roundId:long}/paired/{beforeRoundId:long}"] = [Admin, Leader, Researcher, Manager],
        ["POST api/v1/projects/{id:long}/survey-rounds/{roundId:long}/import/preview"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/survey-rounds/{roundId:long}/import"] = [Admin, Leader, Researcher],
        // the MIDI survey over its rounds: read by all who see reports, made by projectleider and onderzoeker, as are the
        // coding documents of a closed round's open answers
        ["api/v1/projects/{id:long}/midi-surveys"] = [Admin, Leader, Researcher, Manager],
        ["POST api/v1/projects/{id:long}/midi-surveys"] = [Admin, Leader, Researcher],
        ["POST api/v1/projects/{id:long}/survey-rounds/{roundId:long}/coding-documents"] = [Admin, Leader, Researcher],
        // cross-organisation work (#23): learning networks for whom has a role in a member project (a network that does not
        // exist is 404 for all; who sees a real one is tested below), sharing by projectleider and onderzoeker, guests in a
        // group managed by the projectleider, client participation read by every project role
        ["netwerken"] = _signedIn,
        ["netwerken/{networkId:long}"] = _signedIn,
        ["api/v1/networks/"] = _signedIn,
        ["api/v1/networks/{networkId:long}/items"] = _signedIn,
        ["api/v1/me/guest-groups"] = _signedIn,
        ["beheer/netwerken"] = [Admin],
        ["projecten/{id:long}/netwerk"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/network-shares"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/network-shares/{networkId:long}/{kind}/{itemId:long}"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/groups/{groupId:long}/guests"] = [Admin, Leader],
        ["api/v1/projects/{id:long}/groups/{groupId:long}/guests/{guestId:long}"] = [Admin, Leader],
        ["projecten/{id:long}/participatie"] = _projectMembers,
        ["projecten/{id:long}/participatie/wijzigen"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/participation"] = _projectMembers,
        ["POST api/v1/projects/{id:long}/participation"] = [Admin, Leader, Researcher],
        ["api/v1/projects/{id:long}/participation/{momentId:long}"] = [Admin, Leader, Researcher],
        // beheerder only
        ["POST api/v1/projects/"] = [Admin],
        ["beheer/accounts"] = [Admin],
        ["beheer/taken"] = [Admin],
        ["projecten/nieuw"] = [Admin],
        ["beheer/accounts/{userId:long}"] = [Admin],
        ["beheer/accounts/{userId:long}/export"] = [Admin],
    };

    private readonly MonitorWebFactory _factory = new();
    private readonly Dictionary<string, HttpClient> _clients = [];
    private long _samenBeslissen;
    private long _keuzehulp;
    private long _someUser;

    [OneTimeSetUp]
    public async Task LogEveryoneIn()
    {
        _clients[Anonymous] = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        _clients[Admin] = await _factory.LoggedInClientAsync(Login.Admin);
        _clients[Leader] = await _factory.LoggedInClientAsync(Login.ProjectLeader);
        _clients[Researcher] = await _factory.LoggedInClientAsync(Login.Researcher);
        _clients[Manager] = await _factory.LoggedInClientAsync(Login.Management);
        _clients[Participant] = await _factory.LoggedInClientAsync(Login.Participant);
        _clients[Outsider] = _clients[Participant];
        _clients[Guest] = await _factory.LoggedInClientAsync(Login.Guest);

        using var projects = JsonDocument.Parse(await _clients[Admin].GetStringAsync("/api/v1/projects"));
        long IdOf(string slug) => projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
        _samenBeslissen = IdOf("samen-beslissen-arnhem");
        _keuzehulp = IdOf("keuzehulp-werkzaak");
        using var me = JsonDocument.Parse(await _clients[Participant].GetStringAsync("/api/v1/me"));
        _someUser = me.RootElement.GetProperty("id").GetInt64();
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        foreach (var client in _clients.Values.Distinct())
        {
            client.Dispose();
        }

        _factory.Dispose();
    }

    [Test]
    public void EveryRouteHasAnExpectation()
    {
        var missing = Routes().Select(r => r.Key).Where(k => !_expected.ContainsKey(k)).Distinct().ToList();

        Assert.That(missing, Is.Empty, "routes without an entry in RouteAuthorizationTests._expected: add who may reach them");
    }

    [Test]
    public async Task EveryRoleReachesExactlyTheRoutesItMay()
    {
        var failures = new List<string>();
        foreach (var route in Routes().Where(r => _expected.ContainsKey(r.Key)))
        {
            foreach (var role in _everyone)
            {
                var projectId = role is Outsider or Guest ? _keuzehulp : _samenBeslissen;
                var url = "/" + route.Pattern.Replace("{id:long}", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{userId:long}", _someUser.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                // Optional parameters are left out; others get a number that exists nowhere, so an allowed
                // write cannot change the data the other roles' requests see.
                url = System.Text.RegularExpressions.Regex.Replace(url, @"/\{[^}]+\?\}", "");
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{phase:int\}", "1");
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+\}", "999999");
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
                if (route.Method != "GET")
                {
                    // toPhase 0 would be a real phase decision; 9 is refused after the authorization check.
                    request.Content = new StringContent("{\"toPhase\": 9}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await _clients[role].SendAsync(request);
                var allowed = _expected[route.Key].Contains(role);
                var denied = IsDenied(url, response);
                if (allowed == denied)
                {
                    failures.Add($"{route.Method} {url} as {role}: expected {(allowed ? "access" : "denial")}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task AGroupGuestReachesTheirGroupAndItsMeetingsAndNothingElseOfTheProject()
    {
        using var project = JsonDocument.Parse(await _clients[Admin].GetStringAsync($"/api/v1/projects/{_keuzehulp}"));
        var groups = project.RootElement.GetProperty("groups").EnumerateArray().ToList();
        (long Group, long Meeting) Ids(string name)
        {
            var group = groups.Single(g => g.GetProperty("name").GetString() == name);
            return (group.GetProperty("id").GetInt64(), group.GetProperty("meetings").EnumerateArray().First().GetProperty("id").GetInt64());
        }

        var (own, ownMeeting) = Ids("Leernetwerk");
        var (other, otherMeeting) = Ids("Ontwikkelteam");
        var k = _keuzehulp;
        string[] reachable =
        [
            $"/projecten/{k}/groepen/{own}", $"/projecten/{k}/bijeenkomsten/{ownMeeting}",
            $"/api/v1/projects/{k}/groups/{own}", $"/api/v1/projects/{k}/meetings/{ownMeeting}", $"/api/v1/projects/{k}/groups/{own}/calendar.ics",
        ];
        string[] denied =
        [
            $"/projecten/{k}", $"/projecten/{k}/plan", $"/projecten/{k}/bevindingen", $"/projecten/{k}/rapporten", $"/projecten/{k}/codering",
            $"/projecten/{k}/leeragenda", $"/projecten/{k}/tijdlijn", $"/projecten/{k}/zoeken", $"/projecten/{k}/participatie", $"/projecten/{k}/reflecties.csv",
            $"/projecten/{k}/groepen/{other}", $"/projecten/{k}/bijeenkomsten/{otherMeeting}", $"/projecten/{k}/groepen/{own}/wijzigen",
            $"/projecten/{k}/bijeenkomsten/{ownMeeting}/wijzigen", $"/projecten/{_samenBeslissen}",
            $"/api/v1/projects/{k}", $"/api/v1/projects/{k}/plan", $"/api/v1/projects/{k}/findings", $"/api/v1/projects/{k}/groups",
            $"/api/v1/projects/{k}/meetings", $"/api/v1/projects/{k}/groups/{other}", $"/api/v1/projects/{k}/meetings/{otherMeeting}",
            $"/api/v1/projects/{k}/groups/{own}/guests", $"/api/v1/projects/{k}/timeline", $"/api/v1/projects/{k}/participation",
        ];
        var failures = new List<string>();
        foreach (var url in reachable.Concat(denied))
        {
            using var response = await _clients[Guest].GetAsync(url);
            var isDenied = IsDenied(url, response);
            if (isDenied != denied.Contains(url))
            {
                failures.Add($"{url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.That(failures, Is.Empty);
        var groupPage = await _clients[Guest].GetStringAsync($"/projecten/{k}/groepen/{own}");
        Assert.That(groupPage, Does.Not.Contain($"href=\"/projecten/{k}\""), "no link to the project page the guest cannot open");
        Assert.That(groupPage, Does.Not.Contain($"/projecten/{k}/zoeken"));
        var home = await _clients[Guest].GetStringAsync("/");
        Assert.That(home, Does.Contain($"/projecten/{k}/groepen/{own}").And.Contain("Gemeente (leernetwerk)"));
    }

    [Test]
    public async Task ANetworkMemberSeesOnlyTheSharedItemsAndAGuestNoNetworkAtAll()
    {
        using var networks = JsonDocument.Parse(await _clients[Manager].GetStringAsync("/api/v1/networks"));
        var network = networks.RootElement.EnumerateArray().Single(n => n.GetProperty("name").GetString() == "Leernetwerk").GetProperty("id").GetInt64();
        // a vastgestelde finding of a member project that it did not share
        const string Unshared = "Snellere opschaling training";
        const string Shared = "Co-creatie wetenschap en praktijk";
        Assert.That(await _clients[Admin].GetStringAsync($"/api/v1/projects/{_samenBeslissen}/findings"), Does.Contain(Unshared), "the finding exists and is vastgesteld");

        foreach (var role in new[] { Manager, Participant, Leader })
        {
            var page = await _clients[role].GetStringAsync($"/netwerken/{network}");
            var api = await _clients[role].GetStringAsync($"/api/v1/networks/{network}/items");
            Assert.That(page, Does.Contain(Shared).And.Contain("Keuzehulp").And.Contain("Werkzaak Rivierenland"), role);
            Assert.That(api, Does.Contain(Shared), role);
            Assert.That(page, Does.Not.Contain(Unshared), role);
            Assert.That(api, Does.Not.Contain(Unshared), role);
        }

        using var guestPage = await _clients[Guest].GetAsync($"/netwerken/{network}");
        using var guestApi = await _clients[Guest].GetAsync($"/api/v1/networks/{network}/items");
        Assert.That(IsDenied($"/netwerken/{network}", guestPage), Is.True, "a guest has no role in a member project");
        Assert.That(guestApi.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _clients[Guest].GetStringAsync("/api/v1/networks"), Is.EqualTo("[]"));
    }

    private static bool IsDenied(string url, HttpResponseMessage response)
    {
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Redirect
            && (location.Contains("/inloggen?", StringComparison.Ordinal) || location.Contains("/geen-toegang?", StringComparison.Ordinal));
    }

    /// <summary>Each route with each HTTP method it answers; Razor pages are tried with GET and POST.</summary>
    private IEnumerable<(string Key, string Pattern, string Method)> Routes()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                var key = method == "GET" || !_expected.ContainsKey($"{method} {pattern}") ? pattern : $"{method} {pattern}";
                yield return (key, pattern, method);
            }
        }
    }
}
