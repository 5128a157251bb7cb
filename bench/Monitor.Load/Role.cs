namespace Monitor.Load;

/// <summary>The demo role a virtual user logs in with; it decides which writes are in its mix (minutes or coding).</summary>
internal enum Role
{
    Projectleider,
    Onderzoeker,
}
