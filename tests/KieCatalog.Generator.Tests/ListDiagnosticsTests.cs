using KieCatalog.Generator.Tests.Support;
using static KieCatalog.Generator.Tests.DiagnosticsTests;
using static KieCatalog.Generator.Tests.Support.CatalogText;

namespace KieCatalog.Generator.Tests;

/// <summary>A <c>list</c> parameter (a list of objects whose fields are parameters): each mistake at its place in the catalog.</summary>
public sealed class ListDiagnosticsTests
{
    private const string Label = """ "label": { "en": "L", "ru": "Л" } """;

    private static string List(string items, string extra = "") =>
        $$"""
        "shots": { "type": "list", "required": true, "minItems": 1, "maxItems": 4, {{Label}}{{extra}},
          "items": { {{items}} } }
        """;

    private const string Text = """ "text": { "type": "text", "required": true, "maxLength": 100, "label": { "en": "T", "ru": "Т" } } """;

    [Fact]
    public void A_valid_list_compiles_with_its_item_record()
    {
        var run = GeneratorHarness.GenerateAndCompile(WithMode(Mode(List(Text))));

        Assert.Empty(run.Run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var source = string.Join("\n", run.Run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<MTextToImageInput.ShotsItem> Shots { get; init; }", source, StringComparison.Ordinal);
        Assert.Contains("public sealed partial record ShotsItem", source, StringComparison.Ordinal);
    }

    [Fact]
    public void KIE002_an_item_field_of_an_unknown_type()
    {
        var json = WithMode(Mode(List(""" "text": { "type": "txet", "label": { "en": "T", "ru": "Т" } } """)));
        var d = Error(json, "KIE002");
        AssertAt(d, json, "\"txet\"");
        Assert.Contains("list 'shots': parameter 'text' has unknown type 'txet'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE028_a_list_inside_a_list()
    {
        var json = WithMode(Mode(List(""" "inner": { "type": "list", "items": { } } """)));
        var d = Error(json, "KIE028");
        AssertAt(d, json, "\"list\"", occurrence: 2);
        Assert.Contains("field 'inner' of list 'shots' is a list", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE028_a_list_without_items()
    {
        var json = WithMode(Mode($$""" "shots": { "type": "list", {{Label}} } """));
        var d = Error(json, "KIE028");
        AssertAt(d, json, "{ \"type\": \"list\"");
        Assert.Contains("list 'shots' has no 'items'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE008_more_items_at_least_than_at_most()
    {
        var json = WithMode(Mode(List(Text).Replace("\"maxItems\": 4", "\"maxItems\": 0", StringComparison.Ordinal)));
        AssertAt(Error(json, "KIE008"), json, "0,");
    }

    [Fact]
    public void KIE008_a_total_whose_least_is_above_its_most()
    {
        var json = WithMode(Mode(List(Text, """, "totals": { "text": { "min": 50, "max": 10 } }""")));
        var d = Error(json, "KIE008");
        AssertAt(d, json, "10 }");
        Assert.Contains("'shots[].text' has min 50 above max 10", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE028_a_total_of_a_field_the_items_do_not_have()
    {
        var json = WithMode(Mode(List(Text, """, "totals": { "seconds": { "max": 10 } }""")));
        AssertAt(Error(json, "KIE028"), json, "\"seconds\"");
    }

    [Fact]
    public void KIE028_a_switch_that_is_not_a_boolean_parameter()
    {
        var json = WithMode(Mode(List(Text, """, "onlyWith": "prompt" """) + """, "prompt": { "type": "text", "label": { "en": "P", "ru": "П" } }"""));
        var d = Error(json, "KIE028");
        AssertAt(d, json, "\"prompt\" ");
        Assert.Contains("switched by 'prompt', which is text", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE028_an_item_button_named_like_a_parameter_of_the_mode()
    {
        var voice = """ "voice": { "type": "enum", "values": ["a", "b"], "default": "a", "label": { "en": "V", "ru": "Г" } } """;
        var json = WithMode(Mode(List(Text + "," + voice) + "," + voice));
        var d = Error(json, "KIE028");
        AssertAt(d, json, "\"voice\"");
        Assert.Contains("would share callback data", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE019_a_visible_mode_whose_items_have_a_json_field()
    {
        var json = WithMode(Mode(List(Text + """, "boxes": { "type": "json" }""")));
        var d = Error(json, "KIE019");
        AssertAt(d, json, "{ \"type\": \"json\" }");
        Assert.Contains("'shots.boxes' (json)", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE013_an_item_value_whose_button_is_over_64_bytes()
    {
        var json = WithMode(Mode(List(""" "style": { "type": "enum", "required": true, "values": ["a-very-long-value-of-a-style-field-for-buttons"], "label": { "en": "S", "ru": "С" } } """)));
        AssertAt(Error(json, "KIE013"), json, "\"a-very-long-value");
    }

    [Fact]
    public void KIE023_an_item_value_that_is_an_opaque_id()
    {
        var json = WithMode(Mode(List(""" "voice": { "type": "enum", "required": true, "values": ["EkK5I93UQWFDigLMpZcX"], "label": { "en": "V", "ru": "Г" } } """)));
        var d = Error(json, "KIE023");
        AssertAt(d, json, "\"EkK5I93UQWFDigLMpZcX\"");
        Assert.Contains("of 'shots.voice' is an opaque id", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE012_the_item_record_named_like_a_parameter()
    {
        var json = WithMode(Mode(List(Text) + """, "shots_item": { "type": "string", "label": { "en": "S", "ru": "С" } }"""));
        var d = Error(json, "KIE012");
        Assert.Contains("become the C# name 'ShotsItem'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE015_items_on_a_parameter_that_is_not_a_list()
    {
        var json = WithMode(Mode(""" "prompt": { "type": "text", "items": { }, "label": { "en": "P", "ru": "П" } } """));
        var d = Error(json, "KIE015");
        AssertAt(d, json, "{ },");
        Assert.Contains("'items' is only for list parameters", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE017_a_sum_over_items_without_a_most()
    {
        var json = WithMode(Mode(
            List(""" "seconds": { "type": "integer", "required": true, "min": 1, "label": { "en": "S", "ru": "С" } } """),
            price: """{ "credits": 2, "unit": "second", "quantity": "shots[].seconds" }"""));
        var d = Error(json, "KIE017");
        AssertAt(d, json, "\"shots[].seconds\"");
        Assert.Contains("needs a most", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void KIE017_a_sum_over_a_switched_list_says_what_counts_while_it_is_off()
    {
        var json = WithMode(Mode(
            List(""" "seconds": { "type": "integer", "required": true, "min": 1, "max": 5, "label": { "en": "S", "ru": "С" } } """, """, "onlyWith": "many" """)
                + """, "many": { "type": "boolean", "default": false, "label": { "en": "M", "ru": "М" } }""",
            price: """{ "credits": 2, "unit": "second", "quantity": "shots[].seconds" }"""));
        var d = Error(json, "KIE017");
        Assert.Contains("list 'shots' is read only with 'many' on", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dialogue_priced_per_thousand_characters_of_every_line()
    {
        var json = WithMode(Mode(List(Text, """, "totals": { "text": { "max": 5000 } }"""), price: """{ "credits": 14, "unit": "1000-chars", "quantity": "shots[].text" }"""));
        var run = GeneratorHarness.GenerateAndCompile(json);

        Assert.Empty(run.Run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var source = string.Join("\n", run.Run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("PriceUnit.ThousandChars, 14m, 70m, \"shots[].text\"", source, StringComparison.Ordinal);
        Assert.Contains("ListInput.ThousandChars(global::KieCatalog.Catalog.ListInput.Characters(Shots, static item => item.Text))", source, StringComparison.Ordinal);
    }
}
