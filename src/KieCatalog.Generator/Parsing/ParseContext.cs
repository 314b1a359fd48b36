using System.Collections.Generic;
using System.Linq;
using KieCatalog.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KieCatalog.Generator.Parsing;

/// <summary>The file being read, the problems found so far, and helpers that read typed values or report why not.</summary>
internal sealed class ParseContext
{
    private readonly string path;
    private readonly SourceText text;
    private readonly List<DiagnosticInfo> diagnostics = new();

    public ParseContext(string path, SourceText text)
    {
        this.path = path;
        this.text = text;
    }

    public bool HasErrors { get; private set; }

    public EquatableArray<DiagnosticInfo> Diagnostics => diagnostics.ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, int start, int end, params string[] args)
    {
        start = System.Math.Max(0, System.Math.Min(start, text.Length));
        end = System.Math.Max(start, System.Math.Min(end, text.Length));
        var span = TextSpan.FromBounds(start, end);
        var location = new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
        diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, args.ToEquatableArray()));
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
    }

    public void Report(DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        Report(descriptor, at.Start, at.End, args);

    /// <summary>Reports at the opening brace only, so a whole object is not underlined.</summary>
    public void ReportAtStart(DiagnosticDescriptor descriptor, JsonNode at, params string[] args) =>
        Report(descriptor, at.Start, at.Start + 1, args);

    public void Invalid(string subject, JsonNode at, string message) =>
        Report(Generator.Diagnostics.InvalidValue, at, subject, message);

    public JsonNode? Object(JsonNode owner, string property, string subject, bool required) =>
        Child(owner, property, subject, required, JsonKind.Object);

    public JsonNode? Array(JsonNode owner, string property, string subject, bool required) =>
        Child(owner, property, subject, required, JsonKind.Array);

    private JsonNode? Child(JsonNode owner, string property, string subject, bool required, JsonKind kind)
    {
        var node = owner[property];
        if (node is null)
        {
            if (required)
            {
                ReportAtStart(Generator.Diagnostics.InvalidValue, owner, subject, $"'{property}' is missing");
            }

            return null;
        }

        if (node.Kind != kind)
        {
            var expected = new JsonNode(kind, 0).Describe();
            Invalid(subject, node, $"'{property}' must be {expected}, not {node.Describe()}");
            return null;
        }

        return node;
    }

    public string? String(JsonNode owner, string property, string subject, bool required)
    {
        var node = owner[property];
        if (node is null)
        {
            if (required)
            {
                ReportAtStart(Generator.Diagnostics.InvalidValue, owner, subject, $"'{property}' is missing");
            }

            return null;
        }

        if (node.Kind != JsonKind.String || string.IsNullOrWhiteSpace(node.Text))
        {
            Invalid(subject, node, $"'{property}' must be a non-empty string");
            return null;
        }

        return node.Text;
    }

    public string? OneOf(JsonNode owner, string property, string subject, string[] allowed, string? fallback)
    {
        var value = String(owner, property, subject, fallback is null);
        if (value is null)
        {
            return owner[property] is null ? fallback : null;
        }

        if (System.Array.IndexOf(allowed, value) < 0)
        {
            Invalid(subject, owner[property]!, $"'{property}' is '{value}'; allowed: {string.Join(", ", allowed)}");
            return null;
        }

        return value;
    }

    public EquatableArray<string> Strings(JsonNode owner, string property, string subject)
    {
        var array = Array(owner, property, subject, required: false);
        if (array is null)
        {
            return EquatableArray<string>.Empty;
        }

        var values = new List<string>();
        foreach (var item in array.Items)
        {
            if (item.Kind != JsonKind.String || string.IsNullOrWhiteSpace(item.Text))
            {
                Invalid(subject, item, $"'{property}' items must be non-empty strings");
                continue;
            }

            values.Add(item.Text!);
        }

        return values.ToEquatableArray();
    }

    public decimal? Number(JsonNode owner, string property, string subject)
    {
        var node = owner[property];
        if (node is null)
        {
            return null;
        }

        if (node.Kind != JsonKind.Number || !Decimals.TryParse(node.Text, out var value))
        {
            Invalid(subject, node, $"'{property}' must be a number");
            return null;
        }

        return value;
    }

    public bool? Boolean(JsonNode owner, string property, string subject)
    {
        var node = owner[property];
        if (node is null)
        {
            return null;
        }

        if (node.Kind is not (JsonKind.True or JsonKind.False))
        {
            Invalid(subject, node, $"'{property}' must be true or false");
            return null;
        }

        return node.Kind == JsonKind.True;
    }

    /// <summary>Reads {"en": "...", "ru": "..."}; a missing language is a KIE014 warning and borrows the other one.</summary>
    /// <summary>Set while a hidden mode is read: its missing texts fall back to the id without a diagnostic.</summary>
    public bool LabelsOptional { get; set; }

    public LocalizedSpec Localized(JsonNode owner, string property, string subject, string what, string fallback)
    {
        var node = owner[property];
        if (node is null && LabelsOptional)
        {
            return new LocalizedSpec(fallback, fallback);
        }

        if (node is null)
        {
            ReportAtStart(Generator.Diagnostics.MissingLabel, owner, subject, what, "en or ru");
            return new LocalizedSpec(fallback, fallback);
        }

        if (node.Kind != JsonKind.Object)
        {
            Invalid(subject, node, $"'{property}' must be an object with 'en' and 'ru' texts");
            return new LocalizedSpec(fallback, fallback);
        }

        var en = node["en"] is { Kind: JsonKind.String } e && !string.IsNullOrWhiteSpace(e.Text) ? e.Text : null;
        var ru = node["ru"] is { Kind: JsonKind.String } r && !string.IsNullOrWhiteSpace(r.Text) ? r.Text : null;
        if (en is null && !LabelsOptional)
        {
            ReportAtStart(Generator.Diagnostics.MissingLabel, node, subject, what, "en");
        }

        if (ru is null && !LabelsOptional)
        {
            ReportAtStart(Generator.Diagnostics.MissingLabel, node, subject, what, "ru");
        }

        return new LocalizedSpec(en ?? ru ?? fallback, ru ?? en ?? fallback);
    }

    /// <summary>Reports every property of an object that is not one of the known names (typos fail the build).</summary>
    public void OnlyKnown(JsonNode node, string subject, params string[] known)
    {
        foreach (var property in node.Properties)
        {
            if (System.Array.IndexOf(known, property.Name) < 0 && !property.Name.StartsWith("$", System.StringComparison.Ordinal))
            {
                Report(Generator.Diagnostics.InvalidValue, property.NameStart, property.NameEnd, subject,
                    $"unknown property '{property.Name}' (known: {string.Join(", ", known)})");
            }
        }
    }
}
