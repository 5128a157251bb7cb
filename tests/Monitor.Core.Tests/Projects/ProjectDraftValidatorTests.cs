using Monitor.Core.Projects;

namespace Monitor.Core.Tests.Projects;

public sealed class ProjectDraftValidatorTests
{
    private static readonly ProjectDraft _valid = new()
    {
        Slug = "keuzehulp",
        Name = "Keuzehulp",
        Organisation = "Werkzaak",
        Innovation = "Keuzehulp",
        StartDate = new DateOnly(2019, 3, 1),
        CurrentPhase = 1,
    };

    [Test]
    public void AcceptsAMinimalProject() => Assert.That(ProjectDraftValidator.Validate(_valid), Is.Empty);

    [TestCase("")]
    [TestCase("Hoofdletters")]
    [TestCase("met spatie")]
    [TestCase("-begint-met-streep")]
    [TestCase("dubbel--streepje")]
    public void RefusesASlugThatIsNotLowercaseWordsWithDashes(string slug)
    {
        var errors = ProjectDraftValidator.Validate(_valid with { Slug = slug });

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "slug" }));
    }

    [Test]
    public void RefusesASlugLongerThanEightyCharacters()
    {
        var errors = ProjectDraftValidator.Validate(_valid with { Slug = new string('a', 81) });

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "slug" }));
    }

    [TestCase(-1)]
    [TestCase(6)]
    public void RefusesAPhaseOutsideZeroToFive(int phase)
    {
        var errors = ProjectDraftValidator.Validate(_valid with { CurrentPhase = phase });

        Assert.That(errors.Single().Message, Does.Contain("0 (ontwikkelen)").And.Contain("5 (blijven doen)"));
    }

    [Test]
    public void SaysHowLongATooLongDescriptionIs()
    {
        var errors = ProjectDraftValidator.Validate(_valid with { Description = new string('x', 4001) });

        Assert.That(errors.Single().Message, Is.EqualTo("De beschrijving is te lang: 4001 tekens, hooguit 4000 toegestaan."));
    }

    [Test]
    public void RefusesTwoGroupsWithTheSameName()
    {
        var draft = _valid with { Groups = [new GroupDraft { Kind = GroupKind.Kernteam, Name = "Kernteam" }, new GroupDraft { Kind = GroupKind.Overig, Name = "kernteam " }] };

        var errors = ProjectDraftValidator.Validate(draft);

        Assert.That(errors.Single().Field, Is.EqualTo("groups[1].name"));
    }

    [Test]
    public void RefusesAMemberWhoLeavesBeforeJoining()
    {
        var member = new MemberDraft { RoleLabel = "Werkcoach 1", JoinedOn = new DateOnly(2020, 5, 1), LeftOn = new DateOnly(2020, 4, 30) };
        var draft = _valid with { Groups = [new GroupDraft { Kind = GroupKind.Ontwikkelteam, Name = "OT", Members = [member] }] };

        var errors = ProjectDraftValidator.Validate(draft);

        Assert.That(errors.Single().Field, Is.EqualTo("groups[0].members[0].leftOn"));
    }

    [TestCase(0)]
    [TestCase(1441)]
    public void RefusesAMeetingDurationOutsideOneDay(int minutes)
    {
        var draft = _valid with { Groups = [new GroupDraft { Kind = GroupKind.Ontwikkelteam, Name = "OT", Meetings = [new MeetingDraft { HeldOn = new DateOnly(2020, 1, 1), DurationMinutes = minutes }] }] };

        var errors = ProjectDraftValidator.Validate(draft);

        Assert.That(errors.Single().Field, Is.EqualTo("groups[0].meetings[0].durationMinutes"));
    }

    [TestCase("Werkcoach 9", false)]
    [TestCase("Werkcoach 3", true)]
    public void AReplacementMustNameAnEarlierMemberOfTheSameGroup(string replaces, bool accepted)
    {
        MemberDraft[] members = [new() { RoleLabel = "Werkcoach 3", LeftOn = new DateOnly(2020, 4, 30) }, new() { RoleLabel = "Werkcoach 6", Replaces = replaces }];
        var draft = _valid with { Groups = [new GroupDraft { Kind = GroupKind.Ontwikkelteam, Name = "OT", Members = members }] };

        var errors = ProjectDraftValidator.Validate(draft);

        Assert.That(errors.Select(e => e.Field), accepted ? Is.Empty : Is.EqualTo(new[] { "groups[0].members[1].replaces" }));
    }
}
