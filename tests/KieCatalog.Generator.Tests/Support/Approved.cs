using System.Text;
using DiffPlex.DiffBuilder;
using KieBot.TestSupport;
using DiffPlex.DiffBuilder.Model;

namespace KieCatalog.Generator.Tests.Support;

/// <summary>
/// Approved-file snapshots: the expected text lives in Snapshots/*.txt in the repository. A difference fails with a
/// line diff. To re-approve after an intended change, run the tests with KIECATALOG_APPROVE=1 and review the git diff.
/// </summary>
public static class Approved
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(RepositoryPaths.FolderHolding("KieCatalog.Generator.Tests.csproj"), "Snapshots", name + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("KIECATALOG_APPROVE") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"no approved snapshot {path}; run the tests with KIECATALOG_APPROVE=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual)
        {
            return;
        }

        var diff = InlineDiffBuilder.Diff(expected, actual);
        var sb = new StringBuilder($"snapshot {name} differs (- approved, + generated); re-approve with KIECATALOG_APPROVE=1 if intended:\n");
        var shown = 0;
        foreach (var line in diff.Lines)
        {
            if (line.Type == ChangeType.Unchanged || shown++ > 60)
            {
                continue;
            }

            sb.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position).Append(": ").Append(line.Text).Append('\n');
        }

        Assert.Fail(sb.ToString());
    }
}
