using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Tests;

/// <summary><c>kiecatalog coverage</c> and <c>kiecatalog diff</c>.</summary>
public sealed class CoverageAndDiffTests : IDisposable
{
    private readonly ToolRun tool = new();

    [Fact]
    public async Task Coverage_of_the_real_catalog_finds_every_market_record_and_says_why_a_mode_is_hidden()
    {
        var market = ToolRun.Reference("kie-market-schemas.json");
        var records = JsonNode.Parse(File.ReadAllText(market))!["models"]!.AsArray().Count(m => m!["category"]!.GetValue<string>() != "text");

        var (code, output, error) = await tool.RunAsync("coverage", market, "--catalog", ToolRun.RealCatalog);

        Assert.True(code == 0, output + error);
        Assert.Contains($"source records ({records}; {records} present, 0 missing, ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MISSING", output, StringComparison.Ordinal);
        Assert.Contains("left out (chat models, not generations): 25", output, StringComparison.Ordinal);
        Assert.Matches(@"sora-2-pro/storyboard \(sora-2-pro-storyboard\): retired: KIE no longer publishes it \(since \d{4}-\d\d-\d\d\)", output);

        var json = JsonNode.Parse((await tool.RunAsync("coverage", market, "--catalog", ToolRun.RealCatalog, "--json")).Output)!;
        Assert.Equal(records, json["records"]!.AsArray().Count(r => r!["present"]!.GetValue<bool>()));
        var onSale = json["records"]!.AsArray().Count(r => r!["onSale"]!.GetValue<bool>());
        Assert.Equal(onSale, json["totals"]!["recordsOnSale"]!.GetValue<int>());
        Assert.Contains($"{onSale} on sale)", output, StringComparison.Ordinal);
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ToolRun.RealCatalog)!, "..", "README.md"));
        Assert.Contains($"{onSale} of KIE's {records} generation records", readme, StringComparison.Ordinal);
        Assert.All(json["modes"]!.AsArray(), m => Assert.Equal(m!["visible"]!.GetValue<bool>(), m["hiddenBecause"]!.AsArray().Count == 0));
        var unfinished = json["modes"]!.AsArray()
            .Where(m => m!["hiddenBecause"]!.AsArray().Any(b => b!.GetValue<string>().StartsWith("unfinished", StringComparison.Ordinal)))
            .Select(m => m!["key"]!.GetValue<string>()).ToList();
        Assert.Empty(unfinished);
        Assert.Contains("wan-2.7-image/generate (wan/2-7-image): hidden: 'bbox_list' takes boxes as lists of four integers", output, StringComparison.Ordinal);
        Assert.DoesNotContain("kling-3.0/video (kling-3.0/video): hidden", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no en/ru text", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_lists_the_chat_models_in_their_own_section_and_finds_every_chat_record_of_KIEs()
    {
        var market = ToolRun.Reference("kie-market-schemas.json");

        var (code, output, error) = await tool.RunAsync("coverage", market, "--catalog", ToolRun.RealCatalog);

        Assert.True(code == 0, output + error);
        Assert.Contains("\nchat models (25; 0 on sale, 0 priced; not generation records):\n", output, StringComparison.Ordinal);
        Assert.Contains("  gemini-2.5-pro (openai-chat at /gemini-2.5-pro/v1/chat/completions): hidden: KIE publishes no per-token price for it", output, StringComparison.Ordinal);
        Assert.Contains("  gpt-5-4 (openai-responses at /codex/v1/responses): hidden: KIE publishes no per-token price for it (its pricing page as copied on 2026-06-30 has no chat model rows); KIE serves it on OpenAI's Responses API (/codex/v1/responses) only, which the client does not speak", output, StringComparison.Ordinal);
        Assert.Contains("chat records of the sources (25; 25 in the catalog's chat family, 0 not)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not in the chat family", output, StringComparison.Ordinal);
        var sources = output.IndexOf("\nsource records (", StringComparison.Ordinal);
        var chat = output.IndexOf("\nchat models (", StringComparison.Ordinal);
        Assert.DoesNotContain("gemini-2.5-pro", output[sources..chat], StringComparison.Ordinal);

        var json = JsonNode.Parse((await tool.RunAsync("coverage", market, "--catalog", ToolRun.RealCatalog, "--json")).Output)!;
        Assert.Equal(25, json["chat"]!.AsArray().Count);
        Assert.All(json["chat"]!.AsArray(), c => Assert.False(c!["visible"]!.GetValue<bool>()));
        Assert.DoesNotContain(json["modes"]!.AsArray(), m => m!["kieModel"]!.GetValue<string>() == "gemini-2.5-pro");
    }

    [Fact]
    public async Task Coverage_says_which_chat_records_a_catalog_without_its_chat_family_lacks()
    {
        tool.Write("models.json", ImportTests.HandWritten);

        var (_, output, _) = await tool.RunAsync("coverage", ToolRun.Reference("kie-market-schemas.json"), "--catalog", tool.CatalogPath);

        Assert.Contains("chat records of the sources (25; 0 in the catalog's chat family, 25 not)", output, StringComparison.Ordinal);
        Assert.Contains("  not in the chat family  claude-opus-4-5", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nchat models (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_lists_what_keeps_each_imported_mode_hidden_and_a_missing_record_fails()
    {
        tool.Write("models.json", ImportTests.HandWritten);
        await tool.RunAsync("import", ToolRun.OpenApi("kling-3.0-video.yaml"), "--catalog", tool.CatalogPath);
        var other = ToolRun.OpenApi("topaz-image-upscale.yaml");

        var (code, output, _) = await tool.RunAsync("coverage", other, "--catalog", tool.CatalogPath);

        Assert.Equal(1, code);
        Assert.Contains("MISSING  topaz/image-upscale", output, StringComparison.Ordinal);
        Assert.Matches(@"kling-3\.0/video \(kling-3\.0/video\): unfinished \(no written reason\); no price; no en/ru text for the model's description, the mode, [^;]+; 'multi_prompt' is json: the bot cannot collect it", output);
        Assert.Matches(@"video +jobs +2 +2 +1 +1 +1 +1", output);
    }

    [Fact]
    public async Task Diff_names_what_changed_and_exits_0_only_for_the_same_catalog()
    {
        var old = tool.Write("old.json", ImportTests.HandWritten);
        var changed = tool.Write("new.json", ImportTests.HandWritten
            .Replace("\"10\": 110", "\"10\": 120", StringComparison.Ordinal)
            .Replace("\"maxLength\": 1000", "\"maxLength\": 2500", StringComparison.Ordinal)
            .Replace("\"id\": \"image-to-video\"", "\"id\": \"i2v\"", StringComparison.Ordinal));

        var same = await tool.RunAsync("diff", old, old);
        var (code, output, _) = await tool.RunAsync("diff", old, changed);

        Assert.Equal(0, same.Code);
        Assert.Contains("0 difference(s)", same.Output, StringComparison.Ordinal);
        Assert.Equal(1, code);
        Assert.Contains("~ kling-2.6/i2v: moved from kling-2.6/image-to-video", output, StringComparison.Ordinal);
        Assert.Contains("~ kling-2.6/i2v: price: {\"by\":[\"duration\"],\"table\":{\"5\":55,\"10\":110}} → {\"by\":[\"duration\"],\"table\":{\"5\":55,\"10\":120}}", output, StringComparison.Ordinal);
        Assert.Contains("~ kling-2.6/i2v: prompt.maxLength: 1000 → 2500", output, StringComparison.Ordinal);
        Assert.Contains("3 difference(s)", output, StringComparison.Ordinal);
        var json = JsonNode.Parse((await tool.RunAsync("diff", old, changed, "--json")).Output)!.AsArray();
        Assert.Equal(3, json.Count);
    }

    public void Dispose() => tool.Dispose();
}
