using System.Reflection;
using NetArchTest.Rules;

namespace KieBot.Architecture.Tests;

/// <summary>
/// The arrows that must never exist (docs/architecture.md). Each rule names the types that break it, so a new
/// reference in the wrong direction fails here with the culprit in the message.
/// </summary>
public sealed class LayerRulesTests
{
    private static readonly Assembly Bot = typeof(KieBot.Hosting.Program).Assembly;

    /// <summary>The namespace every feature lives under (one folder each).</summary>
    private static readonly string[] FeatureAreas = ["KieBot.Features"];

    [Theory]
    [InlineData("KieBot.Generations")]
    [InlineData("KieBot.Storage")]
    public void Generations_and_storage_reference_no_feature_no_conversation_and_no_telegram(string layer)
    {
        AssertNone(
            Types.InAssembly(Bot).That().ResideInNamespace(layer),
            [.. FeatureAreas, "KieBot.Conversation", "KieBot.Payments", "KieBot.Telegram", "KieBot.Hosting", "KieBot.Ops", "Telegram.Bot"],
            $"{layer} must stand below the conversation and Telegram");
    }

    [Fact]
    public void The_conversation_engine_references_no_feature_and_not_the_host()
    {
        AssertNone(Types.InAssembly(Bot).That().ResideInNamespace("KieBot.Conversation"), [.. FeatureAreas, "KieBot.Hosting"], "Conversation must not know any feature");
    }

    [Fact]
    public void A_feature_references_neither_the_host_nor_another_feature()
    {
        var features = Bot.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("KieBot.Features.", StringComparison.Ordinal))
            .Select(FeatureOf)
            .Distinct()
            .ToList();
        Assert.NotEmpty(features);
        foreach (var feature in features)
        {
            var others = features.Where(f => f != feature).Append("KieBot.Hosting").ToArray();
            AssertNone(Types.InAssembly(Bot).That().ResideInNamespace(feature), others, $"{feature} must stand alone");
        }
    }

    [Fact]
    public void Ops_reports_reference_no_feature_no_conversation_screen_and_not_the_host()
    {
        // The admin feature calls an Ops report; never the reverse.
        AssertNone(Types.InAssembly(Bot).That().ResideInNamespace("KieBot.Ops"), [.. FeatureAreas, "KieBot.Hosting", "KieBot.Telegram", "Telegram.Bot"], "Ops must stand over Storage only");
    }

    [Fact]
    public void The_sdk_references_nothing_of_the_bot_telegram_or_a_database()
    {
        AssertNone(
            Types.InAssembly(typeof(KieCatalog.Models).Assembly).That().ResideInNamespace("KieCatalog"),
            ["KieBot", "Telegram.Bot", "Npgsql", "Microsoft.Data.Sqlite", "Dapper"],
            "KieCatalog is a library of its own");
    }

    [Fact]
    public void The_generator_references_nothing_of_ours()
    {
        // Read from the file: loading the generator's types would need the compiler it runs in.
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "KieCatalog.Generator.dll"));
        using var pe = new System.Reflection.PortableExecutable.PEReader(file);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains("Microsoft.CodeAnalysis", references);
        var ours = references.Where(n => n.StartsWith("KieCatalog", StringComparison.Ordinal) || n.StartsWith("KieBot", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count == 0, $"the generator references {string.Join(", ", ours)}");
    }

    /// <summary><c>KieBot.Features.Payments.Bank.X</c> → <c>KieBot.Features.Payments.Bank</c>: a feature is the deepest folder holding types.</summary>
    private static string FeatureOf(string ns)
    {
        var parts = ns.Split('.');
        var depth = parts.Length >= 4 && parts[2] == "Payments" ? 4 : 3;
        return string.Join('.', parts.Take(Math.Min(depth, parts.Length)));
    }

    private static void AssertNone(PredicateList types, string[] forbidden, string rule)
    {
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{rule}; these types reference {string.Join(", ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
