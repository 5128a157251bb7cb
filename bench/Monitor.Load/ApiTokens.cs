namespace Monitor.Load;

/// <summary>One personal API token per role, made on the account page before the run and shared by that role's users.</summary>
internal sealed record ApiTokens(string Projectleider, string Onderzoeker)
{
    public string For(Role role) => role == Role.Projectleider ? Projectleider : Onderzoeker;
}
