using System.Collections.Concurrent;

#pragma warning disable RS0030 // the one place that may use System.IO's file APIs: it guards them

namespace Monitor.Core.Data;

/// <summary>
/// The only way application code touches files. SQLite keeps its locks as POSIX advisory locks, and closing
/// any descriptor of a file drops every such lock the process holds on it (SQLite's "How To Corrupt An SQLite
/// Database File", section 2.2): a second process then thinks it is alone and deletes the WAL under the live
/// connections. So nothing here opens, copies, moves or deletes the live database file or its -wal, -shm or
/// -journal; those are read and written through SQLite only (the backup API for copies).
/// </summary>
public static class SafeFile
{
    private static readonly ConcurrentDictionary<string, byte> _databases = new(StringComparer.Ordinal);
    private static readonly string[] _sqliteSuffixes = ["", "-wal", "-shm", "-journal"];

    /// <summary>Marks <paramref name="databasePath"/> as a live database file of this process.</summary>
    public static void ProtectDatabase(string databasePath) => _databases.TryAdd(Path.GetFullPath(databasePath), 0);

    /// <summary>True when <paramref name="path"/> is a live database file of this process or one of its companions.</summary>
    public static bool IsDatabaseFile(string path)
    {
        var full = Path.GetFullPath(path);
        return _databases.Keys.Any(db => _sqliteSuffixes.Any(suffix => string.Equals(full, db + suffix, StringComparison.Ordinal)));
    }

    /// <summary>Whether the file exists (a stat, no descriptor: allowed on any path).</summary>
    public static bool Exists(string path) => File.Exists(path);

    /// <summary>Size in bytes, 0 when the file does not exist (a stat, no descriptor: allowed on any path).</summary>
    public static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    public static void Move(string from, string to, bool overwrite = false)
    {
        Refuse(from);
        Refuse(to);
        File.Move(from, to, overwrite);
    }

    public static void Delete(string path)
    {
        Refuse(path);
        File.Delete(path);
    }

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        Refuse(path);
        File.WriteAllBytes(path, bytes);
    }

    public static byte[] ReadAllBytes(string path)
    {
        Refuse(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// Moves a database file that SQLite cannot read at all aside, with its -wal and -shm, so a backup can be put
    /// in its place (the restore command, run while the app is stopped). A rename opens no descriptor; the caller
    /// has checked through SQLite that the file is unusable and has cleared its connection pools.
    /// </summary>
    public static void MoveAsideUnreadableDatabase(string databasePath, string asidePath)
    {
        foreach (var suffix in _sqliteSuffixes)
        {
            if (File.Exists(databasePath + suffix))
            {
                File.Move(databasePath + suffix, asidePath + suffix, overwrite: true);
            }
        }
    }

    private static void Refuse(string path)
    {
        if (IsDatabaseFile(path))
        {
            throw new InvalidOperationException(
                $"'{path}' is a live database file of this process: read and write it through SQLite only (see SafeFile).");
        }
    }
}
