using KieBot.TestSupport;
using KieCatalog.Tool.Commands;

namespace KieCatalog.Tool.Tests;

/// <summary>Runs <c>kiecatalog</c> in process in a scratch folder and captures what it prints.</summary>
internal sealed class ToolRun : IDisposable
{
    public const string Today = "2026-11-24";

    public string Folder { get; } = Directory.CreateTempSubdirectory("kiecatalog-tool-").FullName;

    public string CatalogPath => Path.Combine(Folder, "models.json");

    public static string Reference(string file) =>
        Path.Combine(RepositoryPaths.FolderHolding(Path.Combine("shared", "reference", file)), "shared", "reference", file);

    public static string OpenApi(string page) => Reference(Path.Combine("kie-openapi", page));

    public static string RealCatalog => Path.Combine(RepositoryPaths.Root(), "catalog", "models.json");

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ToolCommands.RunAsync(args, output, error, CancellationToken.None, Today);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A file in the scratch folder with this text.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Catalog => File.ReadAllText(CatalogPath);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
