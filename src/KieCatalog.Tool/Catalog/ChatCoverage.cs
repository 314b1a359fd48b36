using System.Text.Json.Nodes;
using static KieCatalog.Tool.Catalog.CatalogNodes;

namespace KieCatalog.Tool.Catalog;

/// <summary>One chat model of the catalog's <c>chat</c> family as coverage sees it: protocol, endpoint, price, and why it is hidden.</summary>
internal sealed record ChatCoverage(string Id, string Protocol, string Path, bool Priced, bool Visible, string? Hidden);

/// <summary>The catalog's chat models (their own API family, not generation records).</summary>
internal static class ChatCoverages
{
    public static IReadOnlyList<ChatCoverage> Of(CatalogFile catalog) =>
        Objects(catalog.Root["chat"])
            .Select(c => new ChatCoverage(
                Str(c, "id") ?? "",
                Str(c, "protocol") ?? "",
                Str(c, "path") ?? "",
                c["price"] is not null,
                c["hidden"] is null,
                Str(c, "hidden")))
            .ToList();
}
