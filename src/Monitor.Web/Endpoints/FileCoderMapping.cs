namespace Monitor.Web.Endpoints;

/// <summary>The body of POST …/file-coders/{id}/account: the researcher the file coder is.</summary>
internal sealed record FileCoderMapping(long? UserId);
