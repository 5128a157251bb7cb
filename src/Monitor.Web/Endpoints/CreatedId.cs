namespace Monitor.Web.Endpoints;

/// <summary>The body of a 201 Created answer: the new item's id (its address is in the Location header).</summary>
internal sealed record CreatedId(long Id);
