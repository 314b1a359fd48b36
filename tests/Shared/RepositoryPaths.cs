namespace KieBot.TestSupport;

/// <summary>Finds files of the repository (and of ../shared beside it) from a test or bench output folder.</summary>
internal static class RepositoryPaths
{
    /// <summary>The nearest folder at or above the output folder that holds <paramref name="relativePath"/>.</summary>
    public static string FolderHolding(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, relativePath)))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>The repository root (the folder of KieBot.sln).</summary>
    public static string Root() => FolderHolding("KieBot.sln");
}
