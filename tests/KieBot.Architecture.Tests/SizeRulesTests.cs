using System.Reflection;

namespace KieBot.Architecture.Tests;

/// <summary>The sizes that keep a part readable: small files, and few dependencies per class where features are written.</summary>
public sealed class SizeRulesTests
{
    private const int MaxLines = 300;
    private const int MaxDependencies = 6;

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var root = RepositoryRoot();
        var over = new[] { "src", "tests", "bench" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(root, file), Lines: File.ReadLines(file).Count()))
            .Where(f => f.Lines > MaxLines)
            .ToList();
        Assert.True(over.Count == 0, "over 300 lines: " + string.Join(", ", over.Select(f => $"{f.File} ({f.Lines})")));
    }

    [Fact]
    public void No_class_in_the_conversation_or_a_feature_takes_more_than_6_dependencies()
    {
        var heavy = typeof(KieBot.Hosting.Program).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("KieBot.Conversation", StringComparison.Ordinal) || ns.StartsWith("KieBot.Features", StringComparison.Ordinal)))
            .Where(t => t.IsClass && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t) && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Select(t => (Type: t, Dependencies: t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Select(c => c.GetParameters().Count(p => !IsLogger(p.ParameterType))).DefaultIfEmpty(0).Max()))
            .Where(t => t.Dependencies > MaxDependencies)
            .ToList();
        Assert.True(heavy.Count == 0, "more than 6 constructor dependencies: " + string.Join(", ", heavy.Select(t => $"{t.Type.FullName} ({t.Dependencies})")));
    }

    /// <summary>A logger is the class's own voice, not a collaborator.</summary>
    private static bool IsLogger(Type type) => type.IsGenericType && type.GetGenericTypeDefinition().FullName == "Microsoft.Extensions.Logging.ILogger`1";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KieBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KieBot.sln not found above " + AppContext.BaseDirectory);
    }
}
