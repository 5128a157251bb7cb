namespace Monitor.Core.Networks;

/// <summary>What a project can share with a network (stored as bevinding, les): a vastgestelde finding, or a learning-agenda item's lesson.</summary>
public enum ShareKind
{
    Bevinding,
    Les,
}

/// <summary>A project taking part in a network, with its organisation.</summary>
public sealed record NetworkMember(long ProjectId, string ProjectName, string Organisation);

/// <summary>A learning network across organisations (e.g. a small community of practice) and its member projects.</summary>
public sealed record Network
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required bool IsDemo { get; init; }
    public required IReadOnlyList<NetworkMember> Members { get; init; }
}

/// <summary>
/// An item a project can share: a vastgestelde finding (Label is its kind: succesfactor, les, advies) or a concluded
/// learning-agenda item with what was learned (Label "leeragenda"). Date is when it was settled.
/// </summary>
public sealed record ShareableItem
{
    public required ShareKind Kind { get; init; }
    public required long ItemId { get; init; }
    public required string Label { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required DateOnly? Date { get; init; }
}

/// <summary>An item as a network shows it: the item, the project and organisation it comes from, and when it was shared.</summary>
public sealed record SharedItem
{
    public required ShareableItem Item { get; init; }
    public required long ProjectId { get; init; }
    public required string ProjectName { get; init; }
    public required string Organisation { get; init; }
    public required DateTimeOffset SharedAt { get; init; }
}

/// <summary>A shareable item of one project and the networks it is shared with (the project's share page).</summary>
public sealed record ShareCandidate(ShareableItem Item, IReadOnlyList<long> SharedWith);

/// <summary>A person from another organisation in one group of a project, with the deelnemer role for that group only.</summary>
public sealed record GroupGuest
{
    public required long Id { get; init; }
    public required long GroupId { get; init; }
    public required long UserId { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required string Organisation { get; init; }
    public required DateTimeOffset InvitedAt { get; init; }
}

/// <summary>A group a signed-in guest belongs to (the home page shows these instead of projects).</summary>
public sealed record GuestGroup(long ProjectId, string ProjectName, long GroupId, string GroupName, string Organisation);

/// <summary>
/// An invitation into a group: the guest's e-mail address and organisation, and the account to create when there is
/// none with that address yet (made by the web app, which hashes the temporary password).
/// </summary>
public sealed record GuestInvitation
{
    public required string Email { get; init; }
    public required string Organisation { get; init; }
    public Accounts.NewAccount? NewAccount { get; init; }
}
