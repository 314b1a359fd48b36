using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Tests;

/// <summary><c>kiecatalog import</c> of KIE's chat records into the catalog's chat family.</summary>
public sealed class ChatImportTests : IDisposable
{
    private readonly ToolRun tool = new();

    [Fact]
    public async Task The_market_list_brings_every_chat_record_in_hidden_and_a_second_import_changes_nothing()
    {
        var market = ToolRun.Reference("kie-market-schemas.json");

        var (code, output, error) = await tool.RunAsync("import", market, "--catalog", tool.CatalogPath);

        Assert.True(code == 0, output + error);
        var chat = JsonNode.Parse(tool.Catalog)!["chat"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(25, chat.Count);
        Assert.All(chat, c => Assert.Equal("imported 2026-11-24: no price", c["hidden"]!.GetValue<string>()));
        Assert.Contains("+ chat gemini-2.5-pro: added (openai-chat at /gemini-2.5-pro/v1/chat/completions)", output, StringComparison.Ordinal);
        var haiku = chat.Single(c => c["id"]!.GetValue<string>() == "claude-haiku-4-5-v1messages");
        Assert.Equal((true, 4096), (haiku["modelInBody"]!.GetValue<bool>(), haiku["defaultMaxTokens"]!.GetValue<int>()));
        Assert.Equal("openai-responses", chat.Single(c => c["id"]!.GetValue<string>() == "gpt-5-4")["protocol"]!.GetValue<string>());
        ImportTests.AssertBuildsClean(tool.Catalog);

        var again = await tool.RunAsync("import", market, "--catalog", tool.CatalogPath, "--check");
        Assert.True(again.Code == 0, again.Output + again.Error);
    }

    [Fact]
    public async Task A_chat_endpoint_that_moved_gets_its_new_path_and_keeps_what_was_written_by_hand()
    {
        File.Copy(ToolRun.RealCatalog, tool.CatalogPath);
        var moved = File.ReadAllText(ToolRun.Reference("kie-market-schemas.json"))
            .Replace("\"createPath\": \"/gemini-2.5-pro/v1/chat/completions\"", "\"createPath\": \"/gemini-2-5-pro/v1/chat/completions\"", StringComparison.Ordinal);
        var source = tool.Write("market.json", moved);

        var (_, output, _) = await tool.RunAsync("import", source, "--catalog", tool.CatalogPath);

        Assert.Contains("~ chat gemini-2.5-pro: path: /gemini-2.5-pro/v1/chat/completions → /gemini-2-5-pro/v1/chat/completions", output, StringComparison.Ordinal);
        var entry = JsonNode.Parse(tool.Catalog)!["chat"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "gemini-2.5-pro")!;
        Assert.Equal(("/gemini-2-5-pro/v1/chat/completions", "Gemini 2.5 Pro", "Google"), (entry["path"]!.GetValue<string>(), entry["name"]!.GetValue<string>(), entry["vendor"]!.GetValue<string>()));
        Assert.StartsWith("KIE publishes no per-token price", entry["hidden"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => tool.Dispose();
}
