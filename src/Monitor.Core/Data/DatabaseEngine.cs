namespace Monitor.Core.Data;

/// <summary>The engine behind <see cref="MonitorDatabase"/> (setting Monitor:Database).</summary>
public enum DatabaseEngine
{
    /// <summary>One SQLite file, WAL: the embedded default (web app and worker on one file).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (ConnectionStrings:Monitor): several web nodes behind a load balancer.</summary>
    PostgreSql,
}
