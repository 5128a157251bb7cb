namespace Monitor.Core.Data;

/// <summary>Who makes a change: a user, or the system itself (demo data, migrations, worker jobs).</summary>
public sealed record Actor(long? UserId, string Name)
{
    public static Actor System { get; } = new(null, "Systeem");
}
