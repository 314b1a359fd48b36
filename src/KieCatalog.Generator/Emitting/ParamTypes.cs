using KieCatalog.Generator.Model;

namespace KieCatalog.Generator.Emitting;

/// <summary>How a parameter looks as a C# property: its type, whether it is required, and its initializer.</summary>
internal static class ParamTypes
{
    public static string ClrType(string modelId, string modeId, ParamSpec p) => p.Kind switch
    {
        "text" or "string" or "image" or "video" or "audio" or "file" or "task" => "string",
        "integer" => "int",
        "number" => "decimal",
        "boolean" => "bool",
        "enum" => Naming.EnumType(modelId, modeId, p.Name),
        "json" => "global::System.Text.Json.JsonElement",
        "list" => ListEmitter.ListType(modelId, modeId, p),
        _ => "global::System.Collections.Generic.IReadOnlyList<string>",
    };

    public static bool IsReference(ParamSpec p) => p.Kind is not ("integer" or "number" or "boolean" or "enum" or "json");

    /// <summary>Required without a default: a C# <c>required</c> member.</summary>
    public static bool IsRequiredMember(ParamSpec p) => p.Required && p.Default is null && (p.List is null || ListEmitter.NeedsItems(p));

    /// <summary>Optional without a default: nullable, and left out of the KIE input when null.</summary>
    public static bool IsNullable(ParamSpec p) => !p.Required && p.Default is null;

    public static string PropertyType(string modelId, string modeId, ParamSpec p) =>
        ClrType(modelId, modeId, p) + (IsNullable(p) ? "?" : "");

    /// <summary>The C# value of wire <paramref name="value"/> of an enum or boolean parameter: its enum member, or true/false.</summary>
    public static string ValueExpression(string modelId, string modeId, ParamSpec p, string value) =>
        p.Kind == "boolean" ? value : Naming.EnumType(modelId, modeId, p.Name) + "." + Naming.EnumMember(value);

    /// <summary>The C# expression of the default value, or null when there is none.</summary>
    public static string? DefaultExpression(string modelId, string modeId, ParamSpec p)
    {
        if (p.Default is null)
        {
            return p.List is not null && p.Required && !IsRequiredMember(p) ? ListEmitter.Empty(modelId, modeId, p) : null;
        }

        return p.Kind switch
        {
            "enum" or "boolean" => ValueExpression(modelId, modeId, p, p.Default),
            "integer" => Decimals.TryParse(p.Default, out var whole) ? Decimals.Format(whole) : p.Default,
            "number" => p.Default + "m",
            _ => SourceWriter.Str(p.Default),
        };
    }
}
