using System.Text.RegularExpressions;
using Monitor.Core.Accounts;
using Monitor.Web.Security;

namespace Monitor.Web.Tests.Security;

/// <summary>
/// The README's role table is what users and auditors read; <see cref="ProjectAccess"/> is what the app does. This reads
/// the table (each row names its capability in backticks) and fails when a cell and the code disagree, or a capability
/// has no row, so the two cannot drift apart again.
/// </summary>
public sealed partial class RoleTableTests
{
    private static readonly string[] _columns = ["beheerder", "projectleider", "onderzoeker", "management", "deelnemer"];

    [Test]
    public void EveryCellOfTheReadmeRoleTableIsWhatProjectAccessAllows()
    {
        var rows = ReadTable();

        Assert.That(rows.Keys, Is.EquivalentTo(Enum.GetValues<Capability>()), "one row per capability");
        Assert.Multiple(() =>
        {
            foreach (var (capability, cells) in rows)
            {
                Assert.That(cells["beheerder"], Is.True, $"{capability}: a beheerder may do everything");
                foreach (var role in Enum.GetValues<ProjectRole>())
                {
                    var column = role.ToString().ToLowerInvariant();
                    Assert.That(cells[column], Is.EqualTo(ProjectAccess.Allows(role, capability)), $"README says {column} {(cells[column] ? "may" : "may not")} {capability}");
                }
            }
        });
    }

    [Test]
    public void TheProjectleiderWritesFindingsButDoesNotCode()
    {
        Assert.That(ProjectAccess.Allows(ProjectRole.Projectleider, Capability.ManageFindings), Is.True);
        Assert.That(ProjectAccess.Allows(ProjectRole.Projectleider, Capability.CodeData), Is.False);
        Assert.That(ProjectAccess.Allows(ProjectRole.Management, Capability.ManageFindings), Is.False);
    }

    private static Dictionary<Capability, Dictionary<string, bool>> ReadTable()
    {
        var lines = File.ReadAllLines(FindReadme()).Select(l => l.Trim()).ToList();
        var header = lines.FindIndex(l => l.StartsWith("| may … |", StringComparison.Ordinal));
        Assert.That(header, Is.GreaterThanOrEqualTo(0), "the role table is in the README");
        var names = Cells(lines[header]).Skip(1).ToList();
        Assert.That(names, Is.EqualTo(_columns));

        var rows = new Dictionary<Capability, Dictionary<string, bool>>();
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            var name = CapabilityName().Match(cells[0]);
            if (!name.Success)
            {
                continue; // "accounts" is not a project capability
            }

            rows.Add(Enum.Parse<Capability>(name.Groups[1].Value), names.Select((n, i) => (n, cells[i + 1])).ToDictionary(c => c.n, c => c.Item2 != "–"));
        }

        return rows;
    }

    private static List<string> Cells(string line) => [.. line.Trim('|').Split('|').Select(c => c.Trim())];

    private static string FindReadme()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ImplementatieMonitor.sln")))
            {
                return Path.Combine(folder.FullName, "README.md");
            }
        }

        throw new FileNotFoundException("README.md beside ImplementatieMonitor.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\(`(\w+)`\)")]
    private static partial Regex CapabilityName();
}
