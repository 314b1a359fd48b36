using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KieCatalog.Generator;

/// <summary>Every diagnostic the catalog generator reports. Docs: docs/catalog.md#diagnostics.</summary>
internal static class Diagnostics
{
    private const string Category = "KieCatalog";
    private const string HelpBase = "docs/catalog.md#";

    public static readonly DiagnosticDescriptor InvalidJson = Error(
        "KIE001", "Catalog is not valid JSON", "catalog is not valid JSON: {0}");

    public static readonly DiagnosticDescriptor UnknownParamType = Error(
        "KIE002", "Unknown parameter type", "{0}: parameter '{1}' has unknown type '{2}' (known: {3})");

    public static readonly DiagnosticDescriptor MissingPrice = Error(
        "KIE003", "Mode has no price", "{0}: mode has no price");

    public static readonly DiagnosticDescriptor NegativePrice = Error(
        "KIE004", "Negative price", "{0}: price {1} is negative");

    public static readonly DiagnosticDescriptor UnpricedCombination = Error(
        "KIE005", "Parameter combination has no price", "{0}: no price for {1}");

    public static readonly DiagnosticDescriptor UnknownPricedParam = Error(
        "KIE006", "Priced parameter does not exist", "{0}: price depends on '{1}', {2}");

    public static readonly DiagnosticDescriptor DefaultNotInValues = Error(
        "KIE007", "Enum default is not one of its values", "{0}: default {1} of '{2}' is not one of its values");

    public static readonly DiagnosticDescriptor MinAboveMax = Error(
        "KIE008", "Minimum above maximum", "{0}: parameter '{1}' has min {2} above max {3}");

    public static readonly DiagnosticDescriptor DuplicateModelId = Error(
        "KIE009", "Duplicate model id", "model id '{0}' is used twice");

    public static readonly DiagnosticDescriptor DuplicateModeId = Error(
        "KIE010", "Duplicate mode id", "{0}: mode id '{1}' is used twice in this model");

    public static readonly DiagnosticDescriptor DuplicateKieModel = Error(
        "KIE011", "Duplicate KIE model id", "{0}: KIE model id '{1}' is already used by {2}");

    public static readonly DiagnosticDescriptor IdentifierCollision = Error(
        "KIE012", "Identifiers collide in C#", "{0}: '{1}' and '{2}' both become the C# name '{3}'");

    public static readonly DiagnosticDescriptor CallbackTooLong = Error(
        "KIE013", "Callback data over 64 bytes", "{0}: callback data '{1}' is {2} bytes; Telegram allows 64");

    public static readonly DiagnosticDescriptor MissingLabel = new(
        "KIE014", "Missing label", "{0}: {1} has no {2} text", Category, DiagnosticSeverity.Warning, true,
        helpLinkUri: HelpBase + "kie014");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "KIE015", "Invalid catalog value", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidDefault = Error(
        "KIE016", "Invalid default", "{0}: default {1} of '{2}' {3}");

    public static readonly DiagnosticDescriptor InvalidQuantity = Error(
        "KIE017", "Invalid price quantity", "{0}: {1}");

    public static readonly DiagnosticDescriptor SeveralCatalogs = Error(
        "KIE018", "More than one catalog file", "only one catalog file is allowed per project; '{0}' is already the catalog");

    public static readonly DiagnosticDescriptor NotCollectable = Error(
        "KIE019", "Visible mode the bot cannot collect", "{0}: the bot cannot collect '{1}' (json): give the mode a 'hidden' reason");

    public static readonly DiagnosticDescriptor InvalidFileDuration = Error(
        "KIE020", "Invalid price by a file's duration", "{0}: {1}");

    public static readonly DiagnosticDescriptor UpperBoundPrice = Error(
        "KIE021", "Visible mode priced at an upper bound of a file's duration",
        "{0}: 'maxQuantity' charges {1} {2}s up front for the length of '{3}'; price it by the file's duration: \"quantity\": \"{3}\" with 'maxSeconds' on the parameter");

    public static readonly DiagnosticDescriptor InvalidRequireOneOf = Error(
        "KIE022", "Invalid requireOneOf parameter", "{0}: requireOneOf names '{1}', which {2}");

    public static readonly DiagnosticDescriptor UnlabelledValue = Error(
        "KIE023", "Visible enum value without a label",
        "{0}: value '{1}' of '{2}' is {3}, which a user cannot read on a button: label it in the parameter's 'valueLabels'");

    public static readonly DiagnosticDescriptor InvalidReject = Error(
        "KIE024", "Invalid rejected combination", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidImageSizePrice = Error(
        "KIE025", "Invalid price by an image's size", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidRequireWhen = Error(
        "KIE026", "Invalid conditional requirement", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidFollowUp = Error(
        "KIE027", "Invalid follow-up parameter", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidList = Error(
        "KIE028", "Invalid list parameter", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidChat = Error(
        "KIE029", "Invalid chat model", "{0}: {1}");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        InvalidJson, UnknownParamType, MissingPrice, NegativePrice, UnpricedCombination, UnknownPricedParam,
        DefaultNotInValues, MinAboveMax, DuplicateModelId, DuplicateModeId, DuplicateKieModel, IdentifierCollision,
        CallbackTooLong, MissingLabel, InvalidValue, InvalidDefault, InvalidQuantity, SeveralCatalogs, NotCollectable,
        InvalidFileDuration, UpperBoundPrice, InvalidRequireOneOf, UnlabelledValue, InvalidReject, InvalidImageSizePrice,
        InvalidRequireWhen,
        InvalidFollowUp,
        InvalidList,
        InvalidChat,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
