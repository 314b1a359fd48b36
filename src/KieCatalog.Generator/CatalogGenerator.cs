using System;
using System.Collections.Immutable;
using System.Text;
using KieCatalog.Generator.Emitting;
using KieCatalog.Generator.Model;
using KieCatalog.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KieCatalog.Generator;

/// <summary>
/// Reads the catalog file (an AdditionalFile with <c>KieCatalog="true"</c>) and emits the typed catalog.
/// The pipeline only: parsing, validation and emitting live in their folders.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CatalogGenerator : IIncrementalGenerator
{
    internal const string MetadataKey = "build_metadata.AdditionalFiles.KieCatalog";
    internal const string NamespaceKey = "build_property.KieCatalogNamespace";
    internal const string RootNamespaceKey = "build_property.RootNamespace";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var catalogs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => IsCatalog(pair.Left, pair.Right)
                ? CatalogParser.Parse(pair.Left.Path, pair.Left.GetText(ct) ?? SourceText.From(string.Empty))
                : null)
            .WithTrackingName(TrackingNames.Parse)
            .Where(static result => result is not null)
            .Collect()
            .WithTrackingName(TrackingNames.Catalogs);

        var ns = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => NamespaceOf(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Namespace);

        var combined = catalogs.Combine(ns).WithTrackingName(TrackingNames.Combined);
        context.RegisterSourceOutput(combined, static (spc, input) => Emit(spc, input.Left!, input.Right));
    }

    private static bool IsCatalog(AdditionalText text, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(text).TryGetValue(MetadataKey, out var flag) &&
        string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);

    private static string NamespaceOf(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue(NamespaceKey, out var ns) && !string.IsNullOrWhiteSpace(ns))
        {
            return ns.Trim();
        }

        return options.TryGetValue(RootNamespaceKey, out var root) && !string.IsNullOrWhiteSpace(root) ? root.Trim() : "KieCatalog.Generated";
    }

    private static void Emit(SourceProductionContext spc, ImmutableArray<CatalogResult?> results, string ns)
    {
        if (results.Length == 0)
        {
            return;
        }

        for (var i = 1; i < results.Length; i++)
        {
            var location = Location.Create(results[i]!.Path, default, default);
            spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.SeveralCatalogs, location, results[0]!.Path));
        }

        var result = results[0]!;
        foreach (var diagnostic in result.Diagnostics)
        {
            spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Spec is not { } spec)
        {
            return;
        }

        spc.AddSource("Models.g.cs", SourceText.From(IndexEmitter.EmitModels(ns, spec), Encoding.UTF8));
        spc.AddSource("CatalogCallbacks.g.cs", SourceText.From(IndexEmitter.EmitCallbacks(ns, spec), Encoding.UTF8));
        spc.AddSource("ParamKinds.g.cs", SourceText.From(KindEmitter.Emit(ns, spec), Encoding.UTF8));
        if (spec.Chat.Count > 0)
        {
            spc.AddSource("ChatModels.g.cs", SourceText.From(ChatEmitter.Emit(ns, spec), Encoding.UTF8));
        }

        foreach (var model in spec.Models)
        {
            spc.AddSource($"Models.{Naming.ModelClass(model.Id)}.g.cs", SourceText.From(ModelEmitter.Emit(ns, model), Encoding.UTF8));
        }
    }
}
