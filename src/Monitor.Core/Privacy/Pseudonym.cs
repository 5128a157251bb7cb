namespace Monitor.Core.Privacy;

/// <summary>A name (client, colleague) and the stable code that replaces it in exports and reports of one project.</summary>
public sealed record Pseudonym(long Id, string Name, string Code);
