namespace Monitor.Core.Accounts;

/// <summary>An account with its role per project id, for the account administration page.</summary>
public sealed record AccountWithRoles(Account Account, IReadOnlyDictionary<long, ProjectRole> Roles);
