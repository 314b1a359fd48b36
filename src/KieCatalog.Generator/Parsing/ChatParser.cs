using System;
using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Parsing;

/// <summary>
/// Reads the catalog's <c>chat</c> array (KIE's chat models, their own API family) and checks it: every problem is a
/// KIE029 at the JSON that causes it (an unknown protocol, a missing or mismatched path, a limit that is not a positive
/// integer, a price without both token rates, a visible model without a price or on a protocol the client does not speak).
/// </summary>
internal static class ChatParser
{
    private static readonly string[] Known =
    {
        "id", "name", "vendor", "kieModel", "protocol", "path", "modelInBody", "images",
        "contextTokens", "maxOutputTokens", "defaultMaxTokens", "price", "hidden",
    };

    private static readonly string[] PriceKnown = { "inputPerMillion", "outputPerMillion" };

    public static List<ChatModelSpec> Parse(ParseContext ctx, JsonNode root)
    {
        var result = new List<ChatModelSpec>();
        var array = ctx.Array(root, "chat", "catalog", required: false);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            if (node.Kind != JsonKind.Object)
            {
                ctx.Report(Diagnostics.InvalidChat, node, "catalog", "each item of 'chat' must be an object");
                continue;
            }

            var model = ParseModel(ctx, node);
            if (model is null)
            {
                continue;
            }

            var name = Naming.Pascal(model.Id);
            if (seen.TryGetValue(name, out var other))
            {
                ctx.Report(Diagnostics.InvalidChat, node["id"]!, $"chat model '{model.Id}'", $"its C# name '{name}' is already taken by chat model '{other}'");
                continue;
            }

            seen[name] = model.Id;
            result.Add(model);
        }

        return result;
    }

    private static ChatModelSpec? ParseModel(ParseContext ctx, JsonNode node)
    {
        var id = Text(ctx, node, "id", "chat model", required: true);
        if (id is null)
        {
            return null;
        }

        var subject = $"chat model '{id}'";
        ctx.OnlyKnown(node, subject, Known);
        if (id.Any(c => !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')))
        {
            ctx.Report(Diagnostics.InvalidChat, node["id"]!, subject, $"id '{id}' may use only lowercase letters, digits, '-', '.' and '_'");
        }

        var name = Text(ctx, node, "name", subject, required: true) ?? id;
        var vendor = Text(ctx, node, "vendor", subject, required: true) ?? "";
        var hidden = Text(ctx, node, "hidden", subject, required: false);
        var protocol = Protocol(ctx, node, subject);
        var path = Path(ctx, node, subject, protocol);
        var modelInBody = ctx.Boolean(node, "modelInBody", subject) ?? false;
        var kieModel = Text(ctx, node, "kieModel", subject, required: false) ?? id;
        if (protocol == "anthropic-messages" && !modelInBody)
        {
            ctx.Report(Diagnostics.InvalidChat, node["modelInBody"] ?? node, subject, "Anthropic messages carry the model in the body: set 'modelInBody' to true");
        }

        var context = Limit(ctx, node, "contextTokens", subject);
        var maxOutput = Limit(ctx, node, "maxOutputTokens", subject);
        var defaultMax = Limit(ctx, node, "defaultMaxTokens", subject);
        if (maxOutput is { } m && context is { } c && m > c)
        {
            ctx.Report(Diagnostics.InvalidChat, node["maxOutputTokens"]!, subject, $"maxOutputTokens {m} is above contextTokens {c}");
        }

        if (defaultMax is { } d && maxOutput is { } limit && d > limit)
        {
            ctx.Report(Diagnostics.InvalidChat, node["defaultMaxTokens"]!, subject, $"defaultMaxTokens {d} is above maxOutputTokens {limit}");
        }

        var price = Price(ctx, node, subject);
        if (hidden is null)
        {
            if (price is null && node["price"] is null)
            {
                ctx.Report(Diagnostics.InvalidChat, node, subject, "a chat model on sale needs 'price' (credits per million input and output tokens), or a 'hidden' reason");
            }

            if (protocol is not null && System.Array.IndexOf(Vocabulary.SupportedChatProtocols, protocol) < 0)
            {
                ctx.Report(Diagnostics.InvalidChat, node["protocol"]!, subject, $"the client does not speak '{protocol}' (it speaks {string.Join(", ", Vocabulary.SupportedChatProtocols)}): give the model a 'hidden' reason");
            }

            if (protocol == "anthropic-messages" && defaultMax is null && maxOutput is null)
            {
                ctx.Report(Diagnostics.InvalidChat, node, subject, "Anthropic messages need max_tokens: give 'defaultMaxTokens' or 'maxOutputTokens'");
            }
        }

        return new ChatModelSpec(id, name, vendor, kieModel, protocol ?? "openai-chat", path ?? "/", modelInBody, ctx.Boolean(node, "images", subject) ?? false, context, maxOutput, defaultMax, price, hidden);
    }

    private static string? Protocol(ParseContext ctx, JsonNode node, string subject)
    {
        var protocol = Text(ctx, node, "protocol", subject, required: true);
        if (protocol is not null && System.Array.IndexOf(Vocabulary.ChatProtocols, protocol) < 0)
        {
            ctx.Report(Diagnostics.InvalidChat, node["protocol"]!, subject, $"unknown protocol '{protocol}' (known: {string.Join(", ", Vocabulary.ChatProtocols)})");
            return null;
        }

        return protocol;
    }

    private static string? Path(ParseContext ctx, JsonNode node, string subject, string? protocol)
    {
        var path = Text(ctx, node, "path", subject, required: true);
        if (path is null)
        {
            return null;
        }

        if (!path.StartsWith("/", StringComparison.Ordinal) || path.Any(char.IsWhiteSpace) || path.Contains("?"))
        {
            ctx.Report(Diagnostics.InvalidChat, node["path"]!, subject, $"path '{path}' must be an endpoint path starting with '/', without spaces or a query");
            return null;
        }

        var index = protocol is null ? -1 : System.Array.IndexOf(Vocabulary.ChatProtocols, protocol);
        if (index >= 0 && !path.EndsWith(Vocabulary.ChatPathEndings[index], StringComparison.Ordinal))
        {
            ctx.Report(Diagnostics.InvalidChat, node["path"]!, subject, $"path '{path}' does not end in '{Vocabulary.ChatPathEndings[index]}', where KIE serves {protocol}");
        }

        return path;
    }

    private static int? Limit(ParseContext ctx, JsonNode node, string property, string subject)
    {
        var value = node[property];
        if (value is null)
        {
            return null;
        }

        if (value.Kind != JsonKind.Number || !Decimals.TryParse(value.Text, out var number) || number != Math.Truncate(number) || number < 1 || number > int.MaxValue)
        {
            ctx.Report(Diagnostics.InvalidChat, value, subject, $"'{property}' must be a positive whole number of tokens");
            return null;
        }

        return (int)number;
    }

    private static ChatPriceSpec? Price(ParseContext ctx, JsonNode node, string subject)
    {
        var price = node["price"];
        if (price is null)
        {
            return null;
        }

        if (price.Kind != JsonKind.Object)
        {
            ctx.Report(Diagnostics.InvalidChat, price, subject, "'price' must be an object with 'inputPerMillion' and 'outputPerMillion' (KIE credits)");
            return null;
        }

        ctx.OnlyKnown(price, subject, PriceKnown);
        var input = Rate(ctx, price, "inputPerMillion", subject);
        var output = Rate(ctx, price, "outputPerMillion", subject);
        return input is null || output is null ? null : new ChatPriceSpec(input, output);
    }

    private static string? Rate(ParseContext ctx, JsonNode price, string property, string subject)
    {
        var value = price[property];
        if (value is null)
        {
            ctx.Report(Diagnostics.InvalidChat, price, subject, $"'price' has no '{property}' (KIE credits per million tokens)");
            return null;
        }

        if (value.Kind != JsonKind.Number || !Decimals.TryParse(value.Text, out var rate) || rate < 0)
        {
            ctx.Report(Diagnostics.InvalidChat, value, subject, $"'{property}' must be a number of credits, zero or more");
            return null;
        }

        return Decimals.Format(rate);
    }

    private static string? Text(ParseContext ctx, JsonNode node, string property, string subject, bool required)
    {
        var value = node[property];
        if (value is null)
        {
            if (required)
            {
                ctx.Report(Diagnostics.InvalidChat, node.Start, node.Start + 1, subject, $"'{property}' is missing");
            }

            return null;
        }

        if (value.Kind != JsonKind.String || string.IsNullOrWhiteSpace(value.Text))
        {
            ctx.Report(Diagnostics.InvalidChat, value, subject, $"'{property}' must be a non-empty string");
            return null;
        }

        return value.Text;
    }
}
