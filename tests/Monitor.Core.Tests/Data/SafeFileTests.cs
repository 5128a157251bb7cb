using Monitor.Core.Data;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Data;

/// <summary>Issue #26: nothing in the app opens the live database file other than through SQLite.</summary>
public sealed class SafeFileTests
{
    [TestCase("")]
    [TestCase("-wal")]
    [TestCase("-shm")]
    [TestCase("-journal")]
    public void RefusesTheLiveDatabaseFileAndItsCompanions(string suffix)
    {
        using var db = new TempDatabase();

        Assert.That(SafeFile.IsDatabaseFile(db.FilePath + suffix), Is.True);
        Assert.That(() => SafeFile.ReadAllBytes(db.FilePath + suffix), Throws.InvalidOperationException.With.Message.Contains("through SQLite"));
        Assert.That(() => SafeFile.Delete(db.FilePath + suffix), Throws.InvalidOperationException);
        Assert.That(() => SafeFile.Move(db.FilePath + suffix, db.FilePath + ".elders"), Throws.InvalidOperationException);
    }

    [Test]
    public void AllowsOtherFiles()
    {
        using var db = new TempDatabase();
        var other = Path.Combine(db.Folder, "ander.txt");

        SafeFile.WriteAllBytes(other, [1, 2, 3]);

        Assert.That(SafeFile.ReadAllBytes(other), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(SafeFile.IsDatabaseFile(other), Is.False);
    }

    [Test]
    public void TheSourceUsesNoFileApiBesideSafeFile()
    {
        // The analyzer (src/BannedSymbols.Files.txt) enforces this at build time; this test keeps the ban itself in place.
        var root = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));
        var banned = File.ReadAllText(Path.Combine(root, "src", "BannedSymbols.Files.txt"));
        var props = File.ReadAllText(Path.Combine(root, "src", "Directory.Build.props"));

        Assert.That(banned, Does.Contain("T:System.IO.File;").And.Contain("T:System.IO.FileStream;").And.Contain("T:System.IO.FileInfo;"));
        Assert.That(props, Does.Contain("BannedSymbols.Files.txt"));
    }
}
