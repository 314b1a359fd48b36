using System.Diagnostics;
using KieBot.TestSupport;

namespace KieBot.Tests.Ops;

/// <summary>`dotnet publish` as the Dockerfile runs it (on a copy of the sources, like its COPY) gives an app that runs.</summary>
public sealed class PublishTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiebot-publish-").FullName;

    [Fact]
    public async Task The_published_app_runs_its_commands()
    {
        var root = RepositoryPaths.Root();
        var source = Path.Combine(folder, "src");
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            Directory.CreateDirectory(source);
            File.Copy(Path.Combine(root, file), Path.Combine(source, file));
        }

        Copy(Path.Combine(root, "src"), Path.Combine(source, "src"));
        Copy(Path.Combine(root, "catalog"), Path.Combine(source, "catalog"));
        var app = Path.Combine(folder, "app");

        var publish = await RunAsync("dotnet", $"publish src/KieBot -c Release -o \"{app}\" --nologo", source);
        Assert.True(publish.Code == 0, publish.Output);

        var catalog = await RunAsync("dotnet", $"\"{Path.Combine(app, "KieBot.dll")}\" catalog --json", folder);
        Assert.True(catalog.Code == 0, catalog.Output);
        Assert.Contains("\"version\": \"" + KieCatalog.Models.Version + "\"", catalog.Output, StringComparison.Ordinal);
        var help = await RunAsync("dotnet", $"\"{Path.Combine(app, "KieBot.dll")}\" check --help", folder);
        Assert.Equal(0, help.Code);
        Assert.Contains("usage: KieBot check", help.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await output + await errors);
    }
}
