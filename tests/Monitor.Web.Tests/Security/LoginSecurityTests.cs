using System.Net;
using Monitor.Web.Security;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Security;

public sealed class LoginSecurityTests
{
    private const string Invalid = "Het e-mailadres of het wachtwoord klopt niet. Na te veel mislukte pogingen achter elkaar wordt een account een tijd vergrendeld; de beheerder kan het eerder ontgrendelen.";

    [Test]
    public async Task LocksTheAccountAfterFiveWrongPasswordsEvenForTheRightOneAfterwards()
    {
        using var factory = new MonitorWebFactory();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await client.PostLoginAsync(Login.Researcher, "fout-wachtwoord-" + i);
            var page = await Html.ParseAsync(wrong);
            Assert.That(page.QuerySelector(".error")!.TextContent, Is.EqualTo(Invalid));
        }

        using var fifth = await client.PostLoginAsync(Login.Researcher, "fout-wachtwoord-5");
        using var right = await client.PostLoginAsync(Login.Researcher, DemoAccounts.Password);

        Assert.That((await Html.ParseAsync(fifth)).QuerySelector(".error")!.TextContent, Is.EqualTo(Invalid), "the lock itself does not show to whoever guesses");
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no redirect: the login was refused");
        Assert.That((await Html.ParseAsync(right)).QuerySelector(".error")!.TextContent, Does.Contain("tijdelijk vergrendeld"), "the owner, who knows the password, is told");
    }

    [Test]
    [Description("issue #26: the lockout must not reveal whether an e-mail address has an account")]
    public async Task SixWrongPasswordsGiveTheSameAnswersForAnAccountAndForAnUnknownAddress()
    {
        using var factory = new MonitorWebFactory();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        async Task<List<string>> AnswersAsync(string email)
        {
            var answers = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                using var response = await client.PostLoginAsync(email, "fout-wachtwoord-" + i);
                answers.Add((await Html.ParseAsync(response)).QuerySelector(".error")!.TextContent);
            }

            return answers;
        }

        var existing = await AnswersAsync(Login.Management);
        var unknown = await AnswersAsync("niemand@demo.example");

        Assert.That(existing, Is.EqualTo(unknown));
        Assert.That(existing.Distinct(), Is.EqualTo(new[] { Invalid }));
    }

    [Test]
    public async Task AnUnknownEmailGetsTheSameAnswerAsAWrongPassword()
    {
        using var factory = new MonitorWebFactory();
        using var client = factory.CreateClient();

        using var response = await client.PostLoginAsync("niemand@demo.example", DemoAccounts.Password);

        Assert.That((await Html.ParseAsync(response)).QuerySelector(".error")!.TextContent, Is.EqualTo(Invalid));
    }

    [Test]
    public async Task RateLimitsLoginAttemptsPerClient()
    {
        using var factory = new MonitorWebFactory(settings: new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "3" });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("/inloggen");
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task ShowsTheDemoAccountsOnlyInDemoMode()
    {
        using var demo = new MonitorWebFactory();
        using var real = new MonitorWebFactory(settings: new Dictionary<string, string?> { ["Monitor:LoadDemoData"] = "false" });

        var withDemo = await demo.CreateClient().GetDocumentAsync("/inloggen");
        var withoutDemo = await real.CreateClient().GetDocumentAsync("/inloggen");

        Assert.That(withDemo.QuerySelector(".demo-accounts")!.TextContent, Does.Contain(DemoAccounts.Password).And.Contain(Login.Management));
        Assert.That(withoutDemo.QuerySelector(".demo-accounts"), Is.Null);
    }

    [Test]
    public async Task SetupCreatesTheFirstBeheerderOnceAndThenDisappears()
    {
        using var factory = new MonitorWebFactory(settings: new Dictionary<string, string?> { ["Monitor:LoadDemoData"] = "false" });
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new Dictionary<string, string> { ["DisplayName"] = "Beheerder Tiel", ["Email"] = "beheer@tiel.example", ["Password"] = "een lange zin als wachtwoord" };

        using var weak = await client.PostFormAsync("/setup", "/setup", new Dictionary<string, string>(fields) { ["Password"] = "kort" });
        using var created = await client.PostFormAsync("/setup", "/setup", fields);
        using var again = await client.GetAsync("/setup");
        using var login = await client.PostLoginAsync("beheer@tiel.example", "een lange zin als wachtwoord");

        Assert.That((await Html.ParseAsync(weak)).QuerySelector(".error")!.TextContent, Does.Contain("minstens 12 tekens"));
        Assert.That(created.Headers.Location!.OriginalString, Is.EqualTo("/inloggen"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(login.Headers.Location!.OriginalString, Is.EqualTo("/"));
    }
}
