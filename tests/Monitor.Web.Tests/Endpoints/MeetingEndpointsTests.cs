using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Endpoints;

public sealed class MeetingEndpointsTests
{
    // One app for the fixture; every test makes groups of its own, so they do not see each other's data.
    private readonly MonitorWebFactory _factory = new();
    private readonly Dictionary<string, HttpClient> _clients = [];
    private long _samenBeslissen;
    private long _keuzehulp;

    private HttpClient Leader => _clients[Login.ProjectLeader];

    private string Api => $"/api/v1/projects/{_samenBeslissen}";

    [OneTimeSetUp]
    public async Task LogIn()
    {
        foreach (var email in new[] { Login.ProjectLeader, Login.Management, Login.Participant })
        {
            _clients[email] = await _factory.ApiClientAsync(email);
        }

        using var projects = JsonDocument.Parse(await Leader.GetStringAsync("/api/v1/projects"));
        long IdOf(string slug) => projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("id").GetInt64();
        _samenBeslissen = IdOf("samen-beslissen-arnhem");
        _keuzehulp = IdOf("keuzehulp-werkzaak");
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _factory.Dispose();
    }

    [Test]
    public async Task RunsAGroupFromFirstMeetingToAClosedReflectionLoop()
    {
        var groupId = await CreateAsync($"{Api}/groups", new { kind = "ontwikkelgroep", name = "Werkgroep lus", purpose = "Leren", cadence = "vierwekelijks", cadenceDays = 28, reflectionsAnonymous = false });
        var coach = await CreateAsync($"{Api}/groups/{groupId}/members", new { roleLabel = "Jobcoach", organisation = "Werkzaak", joinedOn = "2022-01-01" });
        var client = await CreateAsync($"{Api}/groups/{groupId}/members", new { roleLabel = "Ervaringsdeskundige", organisation = "Cliëntenraad" });
        var first = await CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2022-03-07", startsAt = "14:00", durationMinutes = 90, location = "Arnhem", title = "Start" });
        using var held = await Leader.PutAsJsonAsync($"{Api}/meetings/{first}", new { heldOn = "2022-03-07", startsAt = "14:00", durationMinutes = 90, location = "Arnhem", title = "Start", status = "gehouden" });

        using var foreignAttendance = await Leader.PutAsJsonAsync($"{Api}/meetings/{first}/attendance", new { attendance = new object[] { new { memberId = coach, status = "aanwezig" }, new { memberId = 999_999, status = "aanwezig" } } });
        using var afterRefusal = await GetJsonAsync($"{Api}/meetings/{first}");
        using var attendance = await Leader.PutAsJsonAsync($"{Api}/meetings/{first}/attendance", new { attendance = new object[] { new { memberId = coach, status = "aanwezig" }, new { memberId = client, status = "afgemeld" } } });
        const string minutes = "Besproken: <script>alert('x')</script> en de cliënt centraal.";
        using var savedMinutes = await Leader.PutAsJsonAsync($"{Api}/meetings/{first}/minutes", new { minutes });
        await CreateAsync($"{Api}/meetings/{first}/action-items", new { description = "Folder maken", ownerMemberId = coach, dueOn = "2022-04-04" });
        var reflection = await CreateAsync($"{Api}/meetings/{first}/reflections", new { memberId = coach, wentWell = "Open gesprek", wentLess = "Te weinig tijd" });
        using var before = await GetJsonAsync($"{Api}/groups/{groupId}");

        var second = await CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2022-04-04", title = "Vervolg" });
        using var followUp = await Leader.PutAsJsonAsync($"{Api}/reflections/{reflection}/follow-up", new { meetingId = second, text = "Agenda ingekort" });
        using var after = await GetJsonAsync($"{Api}/groups/{groupId}");
        using var meeting = await GetJsonAsync($"{Api}/meetings/{first}");
        using var next = await GetJsonAsync($"{Api}/meetings/{second}");

        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(foreignAttendance.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(foreignAttendance.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await foreignAttendance.Content.ReadAsStringAsync(), Does.Contain("geen lid van deze groep"));
        Assert.That(afterRefusal.RootElement.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("status").ValueKind), Is.EqualTo(new[] { JsonValueKind.Null, JsonValueKind.Null }));
        Assert.That(attendance.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(savedMinutes.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(followUp.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var record = meeting.RootElement.GetProperty("meeting");
        Assert.That(record.GetProperty("minutes").GetString(), Is.EqualTo(minutes));
        Assert.That(record.GetProperty("status").GetString(), Is.EqualTo("gehouden"));
        Assert.That(meeting.RootElement.GetProperty("attendance").EnumerateArray().Select(a => a.GetProperty("status").GetString()), Is.EqualTo(new[] { "aanwezig", "afgemeld" }));
        Assert.That(meeting.RootElement.GetProperty("actionItems")[0].GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(meeting.RootElement.GetProperty("reflections")[0].GetProperty("authorLabel").GetString(), Is.EqualTo("Jobcoach"));
        Assert.That(next.RootElement.GetProperty("lookBack").GetProperty("reflections")[0].GetProperty("followUp").GetProperty("text").GetString(), Is.EqualTo("Agenda ingekort"));
        Assert.That(next.RootElement.GetProperty("carriedActionItems").GetArrayLength(), Is.EqualTo(1));

        Assert.That(before.RootElement.GetProperty("metrics").GetProperty("loopClosureRate").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(after.RootElement.GetProperty("metrics").GetProperty("loopClosureRate").GetDouble(), Is.EqualTo(1));
        Assert.That(after.RootElement.GetProperty("metrics").GetProperty("attendanceRate").GetDouble(), Is.EqualTo(0.5));
        Assert.That(after.RootElement.GetProperty("group").GetProperty("kind").GetString(), Is.EqualTo("ontwikkelgroep"));
        Assert.That(after.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("roleLabel").GetString()), Is.EqualTo(new[] { "Jobcoach", "Ervaringsdeskundige" }));
        var meetings = after.RootElement.GetProperty("meetings").EnumerateArray().ToList();
        Assert.That(meetings.Select(m => m.GetProperty("id").GetInt64()), Is.EqualTo(new[] { first, second }));
        Assert.That(meetings[0].GetProperty("startsAt").GetString(), Is.EqualTo("14:00"));
        Assert.That(meetings.Any(m => m.TryGetProperty("minutes", out _)), Is.False);
        // Held in March 2022 with a 28-day cadence and nothing held since, up to the project end (2022-12-31): an open gap.
        Assert.That(after.RootElement.GetProperty("cadenceGaps").EnumerateArray().Last().GetProperty("isOpen").GetBoolean(), Is.True);
        Assert.That(after.RootElement.GetProperty("cadenceGaps").EnumerateArray().Last().GetProperty("to").GetString(), Is.EqualTo("2022-12-31"));
    }

    [Test]
    [Description("issue #16: the API edits and reorders agenda items like the meeting page")]
    public async Task AgendaItemsAreEditedAndMovedThroughTheApi()
    {
        var groupId = await CreateAsync($"{Api}/groups", new { kind = "ontwikkelgroep", name = "Werkgroep agenda" });
        var meeting = await CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2099-03-07", title = "Agenda" });
        var opening = await CreateAsync($"{Api}/meetings/{meeting}/agenda-items", new { title = "Opening" });
        var casus = await CreateAsync($"{Api}/meetings/{meeting}/agenda-items", new { title = "Casus" });

        using var edited = await Leader.PutAsJsonAsync($"{Api}/meetings/{meeting}/agenda-items/{casus}", new { title = "Casus Noord", notes = "Tien minuten" });
        using var moved = await Leader.PostAsJsonAsync($"{Api}/meetings/{meeting}/agenda-items/{casus}/move", new { direction = "up" });
        using var sideways = await Leader.PostAsJsonAsync($"{Api}/meetings/{meeting}/agenda-items/{casus}/move", new { direction = "links" });
        using var missing = await Leader.PutAsJsonAsync($"{Api}/meetings/{meeting}/agenda-items/999999", new { title = "x" });
        using var empty = await Leader.PutAsJsonAsync($"{Api}/meetings/{meeting}/agenda-items/{opening}", new { title = "" });
        using var detail = await GetJsonAsync($"{Api}/meetings/{meeting}");

        Assert.Multiple(() =>
        {
            Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(sideways.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var titles = detail.RootElement.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
            Assert.That(titles.Take(2), Is.EqualTo(new[] { "Casus Noord", "Opening" }));
        });
    }

    [Test]
    public async Task ManagementSeesTheGroupButNotTheMeetingItself()
    {
        var (groupId, meetingId) = await HeldMeetingAsync("Werkgroep management", anonymous: false, "Beleidsmedewerker");
        var manager = _clients[Login.Management];

        using var group = await manager.GetAsync($"{Api}/groups/{groupId}");
        using var meeting = await manager.GetAsync($"{Api}/meetings/{meetingId}");
        using var search = await manager.GetAsync($"{Api}/meetings/search?q=werkgroep");
        using var list = await manager.GetAsync($"{Api}/meetings?groupId={groupId}");

        Assert.That(group.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await group.Content.ReadAsStringAsync(), Does.Not.Contain("Beleidsmedewerker"));
        Assert.That(meeting.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ParticipantMayReadMeetingsButNotChangeThem()
    {
        var (groupId, meetingId) = await HeldMeetingAsync("Werkgroep deelnemer", anonymous: false, "Klantmanager");
        var participant = _clients[Login.Participant];

        using var read = await participant.GetAsync($"{Api}/meetings/{meetingId}");
        using var newGroup = await participant.PostAsJsonAsync($"{Api}/groups", new { kind = "overig", name = "Mag niet" });
        using var newMeeting = await participant.PostAsJsonAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2024-05-01" });
        using var reflection = await participant.PostAsJsonAsync($"{Api}/meetings/{meetingId}/reflections", new { wentWell = "x" });
        using var link = await participant.PostAsJsonAsync($"{Api}/meetings/{meetingId}/reflection-links", new { validDays = 14 });

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(new[] { newGroup.StatusCode, newMeeting.StatusCode, reflection.StatusCode, link.StatusCode }, Is.All.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AMeetingOfTheOtherProjectIsNotFound()
    {
        using var others = await GetJsonAsync($"/api/v1/projects/{_keuzehulp}/meetings");
        var foreign = others.RootElement[0].GetProperty("id").GetInt64();

        using var read = await Leader.GetAsync($"{Api}/meetings/{foreign}");
        using var write = await Leader.PutAsJsonAsync($"{Api}/meetings/{foreign}/minutes", new { minutes = "overschreven" });
        using var own = await Leader.GetAsync($"/api/v1/projects/{_keuzehulp}/meetings/{foreign}");

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnAnonymousGroupShowsNoAuthorOfAReflection()
    {
        var (_, meetingId) = await HeldMeetingAsync("Werkgroep anoniem", anonymous: true, "Ervaringsdeskundige Zilvervos");

        using var meeting = await GetJsonAsync($"{Api}/meetings/{meetingId}");

        var reflections = meeting.RootElement.GetProperty("reflections");
        Assert.That(reflections.GetArrayLength(), Is.EqualTo(1));
        Assert.That(reflections.GetRawText(), Does.Not.Contain("Zilvervos"));
        Assert.That(reflections[0].GetProperty("memberId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(reflections[0].GetProperty("wentWell").GetString(), Is.EqualTo("Goed gesprek"));
    }

    [Test]
    public async Task TheReflectionExportNamesAuthorsOnlyInGroupsThatAreNotAnonymous()
    {
        await HeldMeetingAsync("Werkgroep export anoniem", anonymous: true, "Ervaringsdeskundige Zwaluw");
        await HeldMeetingAsync("Werkgroep export open", anonymous: false, "Teamleider Kiekendief");
        using var browser = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        using var response = await browser.GetAsync($"/projecten/{_samenBeslissen}/reflecties.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(lines[0].TrimStart('\uFEFF').TrimEnd('\r'), Is.EqualTo("groep;datum;bijeenkomst;deelnemer;wel_gewerkt;minder_gewerkt;opvolging;opgevolgd_in"));
        var anonymous = lines.Single(l => l.StartsWith("Werkgroep export anoniem;", StringComparison.Ordinal));
        var open = lines.Single(l => l.StartsWith("Werkgroep export open;", StringComparison.Ordinal));
        Assert.That(anonymous, Does.Contain(";;Goed gesprek;"));
        Assert.That(anonymous, Does.Not.Contain("Zwaluw"));
        Assert.That(open, Does.Contain(";Teamleider Kiekendief;Goed gesprek;"));
    }

    [Test]
    public async Task TheCalendarFeedHoldsPlannedAndCancelledMeetings()
    {
        var groupId = await CreateAsync($"{Api}/groups", new { kind = "kernteam", name = "Kernteam agenda" });
        var planned = await CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2099-06-02", startsAt = "10:30", location = "Zaal 1, Arnhem", title = "Planning" });
        var cancelled = await CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2099-07-07", title = "Zomer", status = "geannuleerd" });
        var past = await CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2024-01-08", title = "Terugblik", status = "gehouden" });

        using (var moved = await Leader.PutAsJsonAsync($"{Api}/meetings/{planned}", new { heldOn = "2099-06-02", startsAt = "11:00", location = "Zaal 1, Arnhem", title = "Planning" }))
        {
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var response = await Leader.GetAsync($"{Api}/groups/{groupId}/calendar.ics");
        var ics = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        Assert.That(response.Content.Headers.ContentType.CharSet, Is.EqualTo("utf-8"));
        Assert.That(ics, Does.StartWith("BEGIN:VCALENDAR\r\n"));
        Assert.That(ics.Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain('\n'));
        // Read back as a calendar app would, by Ical.Net's parser.
        var events = Ical.Net.Calendar.Load(ics)!.Events.ToDictionary(e => e.Uid!);
        Assert.That(events.Keys, Is.EquivalentTo(new[] { $"meeting-{planned}@implementatiemonitor", $"meeting-{cancelled}@implementatiemonitor" }), "held meetings are left out");
        var first = events[$"meeting-{planned}@implementatiemonitor"];
        Assert.That(first.DtStart!.Value, Is.EqualTo(new DateTime(2099, 6, 2, 11, 0, 0)));
        Assert.That(first.DtStart.TzId, Is.EqualTo("Europe/Amsterdam"));
        Assert.That(first.Duration!.Value.ToTimeSpanUnspecified(), Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That((first.Summary, first.Location, first.Status, first.Sequence), Is.EqualTo(("Kernteam agenda: Planning", "Zaal 1, Arnhem", "CONFIRMED", 1)), "moved once: SEQUENCE 1");
        var second = events[$"meeting-{cancelled}@implementatiemonitor"];
        Assert.That((second.Status, second.Sequence), Is.EqualTo(("CANCELLED", 0)));
        Assert.That(ics, Does.Not.Contain($"meeting-{past}@"));
        Assert.That(ics.TrimEnd(), Does.EndWith("END:VCALENDAR"));
    }

    [Test]
    public async Task AReflectionLinkComesWithItsTokenAndAddress()
    {
        var (_, meetingId) = await HeldMeetingAsync("Werkgroep link", anonymous: false, "Consulent");

        using var response = await Leader.PostAsJsonAsync($"{Api}/meetings/{meetingId}/reflection-links", new { validDays = 14 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var tooLong = await Leader.PostAsJsonAsync($"{Api}/meetings/{meetingId}/reflection-links", new { validDays = 365 });

        var token = json.RootElement.GetProperty("token").GetString();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(token, Does.StartWith("r_"));
        Assert.That(json.RootElement.GetProperty("url").GetString(), Is.EqualTo($"/reflectie/{token}"));
        Assert.That(json.RootElement.GetProperty("expiresAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UnixEpoch));
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task SearchFindsClientInMinutesThatSayClient()
    {
        var (_, meetingId) = await HeldMeetingAsync("Werkgroep zoeken", anonymous: false, "Adviseur");
        using var saved = await Leader.PutAsJsonAsync($"{Api}/meetings/{meetingId}/minutes", new { minutes = "De cliënt kiest zelf het traject." });

        using var hits = await GetJsonAsync($"{Api}/meetings/search?q=client");

        var hit = hits.RootElement.EnumerateArray().Single(h => h.GetProperty("meetingId").GetInt64() == meetingId);
        Assert.That(hit.GetProperty("kind").GetString(), Is.EqualTo("notulen"));
        Assert.That(hit.GetProperty("groupName").GetString(), Is.EqualTo("Werkgroep zoeken"));
        Assert.That(hit.GetProperty("snippet").GetString(), Does.Contain("«cliënt»"));
    }

    [TestCase("heldOn", "14-03-2025", "geen datum")]
    [TestCase("startsAt", "2 uur", "geen tijd")]
    [TestCase("status", "klaar", "geen status")]
    public async Task RefusesBadMeetingFieldsWithADutchMessage(string field, string value, string message)
    {
        var groupId = await CreateAsync($"{Api}/groups", new { kind = "overig", name = $"Werkgroep fout {field}" });
        var body = new Dictionary<string, object> { ["heldOn"] = "2025-03-14", [field] = value };

        using var response = await Leader.PostAsJsonAsync($"{Api}/groups/{groupId}/meetings", body);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message));
    }

    [Test]
    public async Task RefusesAnUnknownGroupKindAndATakenName()
    {
        await CreateAsync($"{Api}/groups", new { kind = "leernetwerk", name = "Werkgroep dubbel" });

        using var kind = await Leader.PostAsJsonAsync($"{Api}/groups", new { kind = "club", name = "Werkgroep club" });
        using var taken = await Leader.PostAsJsonAsync($"{Api}/groups", new { kind = "leernetwerk", name = "Werkgroep dubbel" });

        Assert.That(kind.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await kind.Content.ReadAsStringAsync(), Does.Contain("geen soort groep"));
        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AMemberWhoLeavesKeepsTheirHistory()
    {
        var groupId = await CreateAsync($"{Api}/groups", new { kind = "ontwikkelgroep", name = "Werkgroep wissel" });
        var old = await CreateAsync($"{Api}/groups/{groupId}/members", new { roleLabel = "Jobcoach A", joinedOn = "2022-01-01" });
        var successor = await CreateAsync($"{Api}/groups/{groupId}/members", new { roleLabel = "Jobcoach B", joinedOn = "2024-06-01", replacesMemberId = old });
        using var left = await Leader.PostAsJsonAsync($"{Api}/members/{successor}/leave", new { leftOn = "2024-12-31" });

        using var group = await GetJsonAsync($"{Api}/groups/{groupId}");

        var members = group.RootElement.GetProperty("members").EnumerateArray().ToList();
        Assert.That(left.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(members[0].GetProperty("leftOn").GetString(), Is.EqualTo("2024-05-31"));
        Assert.That(members[1].GetProperty("replacesMemberId").GetInt64(), Is.EqualTo(old));
        Assert.That(members[1].GetProperty("leftOn").GetString(), Is.EqualTo("2024-12-31"));
    }

    /// <summary>A group with one member and one held meeting in which that member gave a reflection.</summary>
    private async Task<(long GroupId, long MeetingId)> HeldMeetingAsync(string groupName, bool anonymous, string roleLabel)
    {
        var groupId = await CreateAsync($"{Api}/groups", new { kind = "ontwikkelgroep", name = groupName, reflectionsAnonymous = anonymous });
        var memberId = await CreateAsync($"{Api}/groups/{groupId}/members", new { roleLabel });
        var meetingId = await CreateAsync($"{Api}/groups/{groupId}/meetings", new { heldOn = "2022-09-05", title = "Overleg", status = "gehouden" });
        await CreateAsync($"{Api}/meetings/{meetingId}/reflections", new { memberId, wentWell = "Goed gesprek", wentLess = "" });
        return (groupId, meetingId);
    }

    private async Task<long> CreateAsync(string url, object body)
    {
        using var response = await Leader.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"POST {url}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetInt64();
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await Leader.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url}: {text}");
        return JsonDocument.Parse(text);
    }
}
