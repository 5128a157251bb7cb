using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Npgsql;

namespace Monitor.Core.Tests.Support;

/// <summary>
/// The real PostgreSQL server the tests run the stores against (#20), never a mock: the cluster that
/// tools/run-tests.sh started (MONITOR_TEST_POSTGRES, its connection string), or else a throwaway cluster of this test
/// process's own, started with the same tools/pg-throwaway.sh and stopped when the process ends. Every test database is
/// a copy of one migrated template, so a test starts on the full schema in a few milliseconds.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<string> _server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> _template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The connection string of the server's postgres database (for CREATE/DROP DATABASE).</summary>
    public static string AdminConnectionString => _server.Value;

    /// <summary>The connection string of a new, migrated database of its own.</summary>
    public static string CreateDatabase()
    {
        var name = "monitor_t_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name} TEMPLATE {_template.Value};");
        return For(name);
    }

    /// <summary>The connection string of a new, empty database (for migration tests).</summary>
    public static string CreateEmptyDatabase()
    {
        var name = "monitor_e_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE {name} TEMPLATE template0;");
        return For(name);
    }

    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
    }

    private static string For(string database) => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string CreateTemplate()
    {
        var name = $"monitor_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        Execute($"CREATE DATABASE {name} TEMPLATE template0;");
        var options = Options.Create(new MonitorOptions { Database = "postgresql", ConnectionString = For(name) });
        using (var database = new MonitorDatabase(options))
        {
            new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
        }

        // a template takes no connections while it is copied
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static string StartOrFind()
    {
        var given = Environment.GetEnvironmentVariable("MONITOR_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var script = Path.Combine(RepositoryRoot(), "tools", "pg-throwaway.sh");
        var folder = Path.Combine(Path.GetTempPath(), "monitor-pg-" + Guid.NewGuid().ToString("N"));
        var connectionString = Run(script, "start", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return connectionString;
    }

    private static string Run(string script, string verb, string folder)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/pg-throwaway.sh {verb} failed ({process.ExitCode}): {error}");
        }

        return output.Trim();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ImplementatieMonitor.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ImplementatieMonitor.sln) is not above the test binaries.");
    }
}
