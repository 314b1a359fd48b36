using System.Diagnostics;
using System.IO.Compression;
using KieBot.TestSupport;

namespace KieCatalog.Package.Tests;

/// <summary>
/// Packs KieCatalog, then builds and runs a throw-away consumer that references the package from a local folder and
/// brings its own two-model models.json. Slow (real dotnet CLI), so both checks share one packed package.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.PackedPackage>
{
    private readonly PackedPackage package;

    public PackageTests(PackedPackage package) => this.package = package;

    [Fact]
    public void Package_holds_the_library_the_generator_and_the_msbuild_wiring()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("lib/net10.0/KieCatalog.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/KieCatalog.Generator.dll", entries);
        Assert.Contains("build/KieCatalog.props", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("KieCatalog.Generator.dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_gets_its_own_typed_catalog_and_a_broken_catalog_fails_its_build()
    {
        var dir = package.NewConsumer(GoodCatalog);
        var run = Cli.Run("dotnet", "run -c Release", dir, package.Environment);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("acme-image/draw 3.5 {\"prompt\":\"a red fox\",\"size\":\"square\"}", run.Output, StringComparison.Ordinal);
        Assert.Contains("models: 2", run.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(dir, "models.json"), GoodCatalog.Replace("\"price\": { \"credits\": 3.5 },", "", StringComparison.Ordinal));
        var broken = Cli.Run("dotnet", "build -c Release", dir, package.Environment);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Matches(@"models\.json\(\d+,\d+\): error KIE003: mode 'acme-image/draw': mode has no price", broken.Output);
    }

    [Fact]
    public void The_catalog_tool_installs_from_a_local_package_source_and_runs_as_kiecatalog()
    {
        var tools = package.InstallTool();
        var market = Path.Combine(RepositoryPaths.FolderHolding(Path.Combine("shared", "reference", "kie-market-schemas.json")), "shared", "reference", "kie-market-schemas.json");
        var catalog = Path.Combine(RepositoryPaths.Root(), "catalog", "models.json");

        var coverage = Cli.Run(Path.Combine(tools, "kiecatalog"), $"coverage \"{market}\" --catalog \"{catalog}\"", tools, package.Environment);
        var check = Cli.Run(Path.Combine(tools, "kiecatalog"), $"import \"{market}\" --catalog \"{catalog}\" --check", tools, package.Environment);
        var usage = Cli.Run(Path.Combine(tools, "kiecatalog"), "import", tools, package.Environment);

        Assert.True(coverage.ExitCode == 0, coverage.Output);
        Assert.Contains(" present, 0 missing, ", coverage.Output, StringComparison.Ordinal);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Equal(2, usage.ExitCode);
    }

    private const string GoodCatalog = """
        {
          "version": "acme-1",
          "creditUsd": 0.005,
          "models": [
            {
              "id": "acme-image", "name": "Acme Image", "vendor": "Acme", "category": "image",
              "description": { "en": "Images", "ru": "Изображения" },
              "modes": [
                {
                  "id": "draw", "kieModel": "acme/draw", "output": "image",
                  "label": { "en": "Draw", "ru": "Рисунок" },
                  "price": { "credits": 3.5 },
                  "params": {
                    "prompt": { "type": "text", "required": true, "label": { "en": "Prompt", "ru": "Промпт" } },
                    "size": { "type": "enum", "values": ["square", "wide"], "default": "square", "label": { "en": "Size", "ru": "Размер" } }
                  }
                }
              ]
            },
            {
              "id": "acme-video", "name": "Acme Video", "vendor": "Acme", "category": "video",
              "description": { "en": "Videos", "ru": "Видео" },
              "modes": [
                {
                  "id": "animate", "kieModel": "acme/animate", "output": "video",
                  "label": { "en": "Animate", "ru": "Анимация" },
                  "price": { "unit": "second", "credits": 2, "quantity": "duration" },
                  "params": {
                    "image_url": { "type": "image", "required": true, "label": { "en": "Image", "ru": "Изображение" } },
                    "duration": { "type": "integer", "min": 1, "max": 10, "default": 5, "label": { "en": "Seconds", "ru": "Секунды" } }
                  }
                }
              ]
            }
          ]
        }
        """;

    private const string Program = """
        using KieCatalog.Catalog;
        using Acme;

        var input = new AcmeImageDrawInput { Prompt = "a red fox" };
        Console.WriteLine($"{AcmeImageDrawInput.Descriptor.Key} {input.Price()} {input.ToInputJson()}");
        Console.WriteLine($"models: {Models.All.Count}");
        Console.WriteLine($"video: {new AcmeVideoAnimateInput { ImageUrl = "https://a/b.png", Duration = 4 }.Price()}");
        """;

    /// <summary>Packs once per run with a unique version into a private folder and package cache.</summary>
    public sealed class PackedPackage : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("kiecatalog-pack-").FullName;

        public PackedPackage()
        {
            Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
            Environment = new Dictionary<string, string>
            {
                ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",

                // The installed tool's launcher finds the runtime this test runs on.
                ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")),
            };
            var project = Path.Combine(RepositoryPaths.Root(), "src", "KieCatalog", "KieCatalog.csproj");
            var pack = Cli.Run("dotnet", $"pack \"{project}\" -c Release -o \"{feed}\" -p:Version={Version}", root, new Dictionary<string, string>());
            Assert.True(pack.ExitCode == 0, pack.Output);
            NupkgPath = Directory.GetFiles(feed, "KieCatalog.*.nupkg").Single();
            File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                    <add key="restored" value="{RestoredPackages()}" />
                  </packageSources>
                </configuration>
                """);
        }

        public string Version { get; }

        /// <summary>Packs KieCatalog.Tool into the same feed and installs it with <c>dotnet tool install</c>; returns the tool folder.</summary>
        public string InstallTool()
        {
            var feed = Path.GetDirectoryName(NupkgPath)!;
            var project = Path.Combine(RepositoryPaths.Root(), "src", "KieCatalog.Tool", "KieCatalog.Tool.csproj");
            var pack = Cli.Run("dotnet", $"pack \"{project}\" -c Release -o \"{feed}\" -p:Version={Version}", root, new Dictionary<string, string>());
            Assert.True(pack.ExitCode == 0, pack.Output);
            var tools = Path.Combine(root, "tools");
            var install = Cli.Run("dotnet", $"tool install KieCatalog.Tool --tool-path \"{tools}\" --version {Version}", root, Environment);
            Assert.True(install.ExitCode == 0, install.Output);
            return tools;
        }

        /// <summary>The packages the solution restored (KieCatalog's dependencies), used as a folder feed so the test needs no network.</summary>
        private static string RestoredPackages() =>
            System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
                ? folder
                : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        public string NupkgPath { get; }

        public Dictionary<string, string> Environment { get; }

        public string NewConsumer(string catalog)
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, "consumer-" + Guid.NewGuid().ToString("N")[..8])).FullName;
            File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RootNamespace>Acme</RootNamespace>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="KieCatalog" Version="{Version}" />
                    <AdditionalFiles Include="models.json" KieCatalog="true" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);
            File.WriteAllText(Path.Combine(dir, "models.json"), catalog);
            return dir;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>Runs a command and captures its combined output.</summary>
internal static class Cli
{
    public static (int ExitCode, string Output) Run(string file, string args, string workingDirectory, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        // Keep the consumer build independent of the repository's MSBuild node and of the test's own build settings.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out: " + file + " " + args);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
