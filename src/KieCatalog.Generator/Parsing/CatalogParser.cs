using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;
using KieCatalog.Generator.Validation;
using Microsoft.CodeAnalysis.Text;

namespace KieCatalog.Generator.Parsing;

/// <summary>Turns the text of models.json into an equatable spec and a list of located problems.</summary>
internal static class CatalogParser
{
    private static readonly string[] TopKnown = { "version", "creditUsd", "models", "chat" };
    private static readonly string[] ModelKnown = { "id", "name", "vendor", "category", "description", "seedIds", "modes" };
    private static readonly string[] ModeKnown = { "id", "kieModel", "api", "path", "output", "label", "hidden", "retired", "docs", "seedIds", "price", "params", "requireOneOf", "rejects", "requireWhen" };

    public static CatalogResult Parse(string path, SourceText text)
    {
        var ctx = new ParseContext(path, text);
        JsonNode root;
        try
        {
            root = JsonReader.Parse(text.ToString());
        }
        catch (JsonSyntaxException e)
        {
            ctx.Report(Diagnostics.InvalidJson, e.Position, e.Position + 1, e.Message);
            return new CatalogResult(path, null, ctx.Diagnostics);
        }

        if (root.Kind != JsonKind.Object)
        {
            ctx.Invalid("catalog", root, "the catalog must be a JSON object with 'version', 'creditUsd' and 'models'");
            return new CatalogResult(path, null, ctx.Diagnostics);
        }

        ctx.OnlyKnown(root, "catalog", TopKnown);
        var version = ctx.String(root, "version", "catalog", required: true) ?? "";
        var creditUsd = ctx.Number(root, "creditUsd", "catalog");
        if (root["creditUsd"] is null)
        {
            ctx.ReportAtStart(Diagnostics.InvalidValue, root, "catalog", "'creditUsd' (USD per KIE credit) is missing");
        }

        var models = new List<ParsedModel>();
        var array = ctx.Array(root, "models", "catalog", required: true);
        foreach (var node in array?.Items ?? System.Array.Empty<JsonNode>())
        {
            var model = ParseModel(ctx, node);
            if (model is not null)
            {
                models.Add(model);
            }
        }

        CrossChecks.Run(ctx, models);
        var chat = ChatParser.Parse(ctx, root);
        var spec = ctx.HasErrors
            ? null
            : new CatalogSpec(version, Decimals.Format(creditUsd ?? 0), models.Select(m => m.Spec).ToEquatableArray(), chat.ToEquatableArray());
        return new CatalogResult(path, spec, ctx.Diagnostics);
    }

    private static ParsedModel? ParseModel(ParseContext ctx, JsonNode node)
    {
        if (node.Kind != JsonKind.Object)
        {
            ctx.Invalid("catalog", node, "each item of 'models' must be an object");
            return null;
        }

        var id = ctx.String(node, "id", "model", required: true);
        if (id is null)
        {
            return null;
        }

        var subject = $"model '{id}'";
        ctx.OnlyKnown(node, subject, ModelKnown);
        CheckId(ctx, subject, node["id"]!);
        var name = ctx.String(node, "name", subject, required: true) ?? id;
        var vendor = ctx.String(node, "vendor", subject, required: true) ?? "";
        var category = ctx.OneOf(node, "category", subject, Vocabulary.Categories, fallback: null) ?? "image";
        var seedIds = ctx.Strings(node, "seedIds", subject);
        var modes = new List<ParsedMode>();
        var modesNode = ctx.Array(node, "modes", subject, required: true);
        if (modesNode is { Items.Count: 0 })
        {
            ctx.Invalid(subject, modesNode, "a model needs at least one mode");
        }

        foreach (var modeNode in modesNode?.Items ?? System.Array.Empty<JsonNode>())
        {
            var mode = ParseMode(ctx, id, modeNode);
            if (mode is not null)
            {
                modes.Add(mode);
            }
        }

        // A model bot users never see (every mode hidden) may wait for its description like its modes wait for labels.
        ctx.LabelsOptional = modes.Count > 0 && modes.All(m => m.Spec.Hidden is not null);
        var description = ctx.Localized(node, "description", subject, "description", name);
        ctx.LabelsOptional = false;
        var spec = new ModelSpec(id, name, vendor, category, description, seedIds, modes.Select(m => m.Spec).ToEquatableArray());
        return new ParsedModel(spec, node, modes);
    }

    private static ParsedMode? ParseMode(ParseContext ctx, string modelId, JsonNode node)
    {
        if (node.Kind != JsonKind.Object)
        {
            ctx.Invalid($"model '{modelId}'", node, "each mode must be an object");
            return null;
        }

        var id = ctx.String(node, "id", $"model '{modelId}'", required: true);
        if (id is null)
        {
            return null;
        }

        var subject = $"mode '{modelId}/{id}'";
        ctx.OnlyKnown(node, subject, ModeKnown);
        CheckId(ctx, subject, node["id"]!);
        var kieModel = ctx.String(node, "kieModel", subject, required: true) ?? "";
        var api = ctx.OneOf(node, "api", subject, Vocabulary.Apis, "jobs") ?? "jobs";
        var path = ctx.String(node, "path", subject, required: false);
        if (path is not null && !path.StartsWith("/api/", System.StringComparison.Ordinal))
        {
            ctx.Invalid(subject, node["path"]!, $"path '{path}' must be a KIE create endpoint starting with /api/");
        }

        var output = ctx.OneOf(node, "output", subject, Vocabulary.Outputs, fallback: null) ?? "image";
        var retired = ctx.String(node, "retired", subject, required: false);
        if (ctx.String(node, "docs", subject, required: false) is { } docs && !docs.StartsWith("https://", System.StringComparison.Ordinal))
        {
            ctx.Invalid(subject, node["docs"]!, $"docs '{docs}' must be the https address of KIE's page of the endpoint");
        }

        var hidden = ctx.String(node, "hidden", subject, required: false) ?? (retired is null ? null : $"retired: KIE no longer publishes it (since {retired})");

        // A hidden mode (an import not finished by hand yet) may lack labels and a price; a visible one may not.
        ctx.LabelsOptional = hidden is not null;
        var label = ctx.Localized(node, "label", subject, "label", id);
        var seedIds = ctx.Strings(node, "seedIds", subject);
        var parameters = new List<ParamSpec>();
        var paramsNode = ctx.Object(node, "params", subject, required: true);
        foreach (var property in paramsNode?.Properties ?? System.Array.Empty<JsonProperty>())
        {
            var param = ParamParser.Parse(ctx, subject, property);
            if (param is not null)
            {
                parameters.Add(param);
            }
        }

        ctx.LabelsOptional = false;
        FollowUpParser.CheckOutput(ctx, subject, paramsNode, parameters);
        var price = node["price"] is null && hidden is not null ? Unpriced : PriceParser.Parse(ctx, subject, node, parameters);
        if (price is not null)
        {
            parameters = parameters
                .Select(p => price.By.Contains(p.Name) || price.Quantity == p.Name || price.Factor == p.Name || Ratio.Split(price.Quantity) is { } r && (r.Dividend == p.Name || r.Divisor == p.Name)
                    ? p with { AffectsPrice = true, DurationPriced = price.ByFileDuration && price.Quantity == p.Name, SizePriced = price.ByImageSize && price.Quantity == p.Name }
                    : p)
                .ToList();
            parameters = ListPricing.Mark(parameters, price);
        }

        var requireOneOf = RequireOneOfParser.Parse(ctx, subject, node, parameters);
        var rejects = RejectsParser.Parse(ctx, subject, node, parameters, visible: hidden is null);
        var requireWhen = RequireWhenParser.Parse(ctx, subject, node, parameters);
        var spec = new ModeSpec(
            id, kieModel, api, path, output, label, hidden, seedIds,
            price ?? new PriceSpec("0", default, default, "task", null, null, "0", "0"),
            parameters.ToEquatableArray(), requireOneOf, rejects, requireWhen);
        return new ParsedMode(spec, node, paramsNode);
    }

    /// <summary>The price of a hidden mode nobody has priced yet: its Price() says so instead of inventing one.</summary>
    private static readonly PriceSpec Unpriced = new(null, default, default, "unpriced", null, null, "0", "0");

    private static void CheckId(ParseContext ctx, string subject, JsonNode idNode)
    {
        var id = idNode.Text ?? "";
        if (id.Any(c => !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')))
        {
            ctx.Invalid(subject, idNode, $"id '{id}' may use only lowercase letters, digits, '-', '.' and '_'");
        }
    }
}

/// <summary>A model spec with the JSON it came from, for checks that span the catalog.</summary>
internal sealed record ParsedModel(ModelSpec Spec, JsonNode Node, List<ParsedMode> Modes);

internal sealed record ParsedMode(ModeSpec Spec, JsonNode Node, JsonNode? ParamsNode);
