using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>A mode's <c>requireWhen</c>: parameters KIE requires only in some settings, checked against the mode's own parameters.</summary>
public sealed class RequireWhenDiagnosticsTests
{
    internal const string Params = """
        "prompt": { "type": "text", "required": true, "maxLength": 5000, "label": { "en": "P", "ru": "П" } },
        "custom": { "type": "boolean", "required": true, "default": false, "label": { "en": "C", "ru": "С" } },
        "style": { "type": "string", "label": { "en": "S", "ru": "С" } },
        "title": { "type": "string", "label": { "en": "T", "ru": "Н" } }
        """;

    internal static string WithRules(string rules) =>
        WithMode(Mode(Params).Replace("\"params\":", "\"requireWhen\": " + rules + ",\n  \"params\":", StringComparison.Ordinal));

    [Fact]
    public void A_valid_rule_compiles_into_validation_and_the_descriptor()
    {
        var run = GeneratorHarness.Driver(WithRules("""[{ "when": { "custom": [true] }, "params": ["style", "title"] }, { "when": { "custom": [false] }, "params": ["prompt"], "maxLength": 500 }]"""))
            .RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("if ((Custom == true))", source, StringComparison.Ordinal);
        Assert.Contains("InputRules.Given(v, \"style\", !string.IsNullOrWhiteSpace(Style));", source, StringComparison.Ordinal);
        Assert.Contains("InputRules.Text(v, \"prompt\", Prompt, false, 500);", source, StringComparison.Ordinal);
        Assert.Contains("""requireWhen: new global::KieCatalog.Catalog.RequiredWhen[] { new(new (string, string[])[] { ("custom", new[] { "true" }) }, new[] { "style", "title" }), new(new (string, string[])[] { ("custom", new[] { "false" }) }, new[] { "prompt" }, 500) });""", source, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE026_a_condition_on_a_parameter_that_is_not_an_enum_or_a_toggle()
    {
        var json = WithRules("""[{ "when": { "style": ["x"] }, "params": ["title"] }]""");
        var d = Error(json, "KIE026");
        AssertAt(d, json, "[\"x\"]");
        Assert.Contains("'requireWhen' names 'style', which is not an enum or boolean parameter of this mode", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE026_a_parameter_required_anyway()
    {
        var json = WithRules("""[{ "when": { "custom": [true] }, "params": ["prompt"] }]""");
        var d = Error(json, "KIE026");
        AssertAt(d, json, "\"prompt\"] }]");
        Assert.Contains("'prompt' is required anyway", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE026_an_unknown_parameter_and_a_parameter_required_by_its_own_value()
    {
        Assert.Contains("'requireWhen' names lyrics, which is not a parameter of this mode",
            Error(WithRules("""[{ "when": { "custom": [true] }, "params": ["lyrics"] }]"""), "KIE026").GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'custom' cannot be required by its own value",
            Error(WithRules("""[{ "when": { "custom": [true] }, "params": ["custom"] }]"""), "KIE026").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE026_a_limit_that_does_not_narrow()
    {
        var json = WithRules("""[{ "when": { "custom": [false] }, "params": ["prompt"], "maxLength": 6000 }]""");
        var d = Error(json, "KIE026");
        AssertAt(d, json, "6000");
        Assert.Contains("'maxLength' 6000 does not narrow 'prompt', which is at most 5000 characters anyway", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE026_an_item_without_conditions()
    {
        var d = Error(WithRules("""[{ "params": ["style"] }]"""), "KIE026");
        Assert.Contains("names the values that make parameters required", d.GetMessage(), StringComparison.Ordinal);
    }
}
