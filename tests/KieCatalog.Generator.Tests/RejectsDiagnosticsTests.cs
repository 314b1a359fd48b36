using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>A mode's <c>rejects</c>: combinations KIE refuses, checked against the mode's own parameters and defaults.</summary>
public sealed class RejectsDiagnosticsTests
{
    private const string Params = """
        "kind": { "type": "enum", "required": true, "default": "a", "values": ["a", "b"], "label": { "en": "K", "ru": "К" } },
        "seconds": { "type": "enum", "required": true, "default": 8, "values": [4, 8], "label": { "en": "S", "ru": "С" } }
        """;

    private static string WithRejects(string rejects) =>
        WithMode(Mode(Params).Replace("\"params\":", "\"rejects\": " + rejects + ",\n  \"params\":", StringComparison.Ordinal));

    [Fact]
    public void A_valid_rejected_combination_compiles_into_validation()
    {
        var run = GeneratorHarness.Driver(WithRejects("""[{ "kind": ["b"], "seconds": [4] }]""")).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("ViolationCode.NotOffered, \"kind=\" + Kind.ToWire() + \", \" + \"seconds=\" + Seconds.ToWire()", source, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE024_defaults_that_fall_on_a_rejected_combination()
    {
        var json = WithRejects("""[{ "kind": ["a"], "seconds": [8] }]""");
        var d = Error(json, "KIE024");
        AssertAt(d, json, "{ \"kind\": [\"a\"]");
        Assert.Contains("the defaults (kind=a, seconds=8) fall on a combination KIE rejects", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE024_a_value_the_parameter_does_not_have()
    {
        var json = WithRejects("""[{ "kind": ["b"], "seconds": [6] }]""");
        var d = Error(json, "KIE024");
        AssertAt(d, json, "6] }]");
        Assert.Contains("'rejects' names 6 for 'seconds', which is not one of its values", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE024_a_parameter_that_is_not_an_enum_or_a_toggle()
    {
        var json = WithMode(Mode(Params + """, "prompt": { "type": "text", "required": true, "label": { "en": "P", "ru": "П" } }""")
            .Replace("\"params\":", "\"rejects\": [{ \"prompt\": [\"x\"], \"kind\": [\"b\"] }],\n  \"params\":", StringComparison.Ordinal));
        var d = Error(json, "KIE024");
        Assert.Contains("'rejects' names 'prompt', which is not an enum or boolean parameter of this mode", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_refused_whatever_else_is_chosen_is_not_offered()
    {
        var run = GeneratorHarness.Driver(WithRejects("""[{ "kind": ["b"] }]""")).RunGenerators(GeneratorHarness.Compilation()).GetRunResult().Results.Single();

        Assert.Empty(run.Diagnostics);
        var source = string.Join("\n", run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("new(\"b\", false, \"e:m/text-to-image/kind=b\", offered: false)", source, StringComparison.Ordinal);
        Assert.Contains("new(\"a\", false, \"e:m/text-to-image/kind=a\")", source, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE024_an_entry_that_names_nothing()
    {
        var json = WithRejects("""[{ }]""");
        var d = Error(json, "KIE024");
        Assert.Contains("names parameters with the values KIE refuses together", d.GetMessage(), StringComparison.Ordinal);
    }
}
