using System.Collections.Immutable;
using KieCatalog.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KieCatalog.Generator.Tests.Support;

/// <summary>Runs the real generator the way the compiler does: an AdditionalFile flagged KieCatalog=true and a root namespace.</summary>
public sealed class GeneratorHarness
{
    public const string CatalogPath = "/repo/catalog/models.json";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(KieCatalog.Catalog.ModeDescriptor).Assembly.Location))
            .ToImmutableArray();
    });

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Source{i}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(string catalogJson, string rootNamespace = "Consumer") =>
        Driver(new[] { new MemoryAdditionalText(CatalogPath, catalogJson) }, rootNamespace);

    public static GeneratorDriver Driver(IEnumerable<MemoryAdditionalText> files, string rootNamespace = "Consumer")
    {
        var additional = files.ToImmutableArray<AdditionalText>();
        return CSharpGeneratorDriver.Create(
            new[] { new CatalogGenerator().AsSourceGenerator() },
            additional,
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(rootNamespace, additional.Select(a => a.Path).ToHashSet()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Generates from the catalog and compiles the result; returns the generator's result and the compiler's errors.</summary>
    public static (GeneratorRunResult Run, ImmutableArray<Diagnostic> CompileErrors) GenerateAndCompile(string catalogJson)
    {
        var driver = Driver(catalogJson).RunGeneratorsAndUpdateCompilation(Compilation("namespace Consumer; public static class Anchor { }"), out var output, out _);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (driver.GetRunResult().Results.Single(), errors);
    }

    public sealed class MemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class OptionsProvider(string rootNamespace, HashSet<string> catalogs) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new() { ["build_property.RootNamespace"] = rootNamespace });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            catalogs.Contains(textFile.Path) ? new Options(new() { ["build_metadata.AdditionalFiles.KieCatalog"] = "true" }) : Options.Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
