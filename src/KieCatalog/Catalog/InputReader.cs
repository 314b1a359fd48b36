using System.ComponentModel;
using System.Text.Json;

namespace KieCatalog.Catalog;

/// <summary>Reads values of a KIE <c>input</c> object for the generated <c>Read</c> methods.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InputReader
{
    public delegate bool EnumParser<T>(JsonElement element, out T value);

    /// <summary>Lists names that are not parameters; returns false (with a violation) when the input is not an object.</summary>
    public static bool Start(JsonElement input, string[] known, List<InputViolation> v)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            v.Add(new InputViolation("input", ViolationCode.WrongType, "object"));
            return false;
        }

        foreach (var property in input.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                v.Add(new InputViolation(property.Name, ViolationCode.UnknownParam));
            }
        }

        return true;
    }

    public static string? String(JsonElement input, string name, List<InputViolation> v)
    {
        if (!Present(input, name, out var e))
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.String)
        {
            return e.GetString();
        }

        v.Add(new InputViolation(name, ViolationCode.WrongType, "string"));
        return null;
    }

    public static bool? Boolean(JsonElement input, string name, List<InputViolation> v)
    {
        if (!Present(input, name, out var e))
        {
            return null;
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }

        v.Add(new InputViolation(name, ViolationCode.WrongType, "boolean"));
        return null;
    }

    public static decimal? Number(JsonElement input, string name, List<InputViolation> v)
    {
        if (!Present(input, name, out var e))
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var value))
        {
            return value;
        }

        v.Add(new InputViolation(name, ViolationCode.WrongType, "number"));
        return null;
    }

    public static int? Integer(JsonElement input, string name, List<InputViolation> v)
    {
        if (!Present(input, name, out var e))
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var value))
        {
            return value;
        }

        v.Add(new InputViolation(name, ViolationCode.WrongType, "integer"));
        return null;
    }

    public static IReadOnlyList<string>? Strings(JsonElement input, string name, List<InputViolation> v)
    {
        if (!Present(input, name, out var e))
        {
            return null;
        }

        if (e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
        {
            return e.EnumerateArray().Select(i => i.GetString()!).ToArray();
        }

        v.Add(new InputViolation(name, ViolationCode.WrongType, "array of strings"));
        return null;
    }

    public static T? Enum<T>(JsonElement input, string name, EnumParser<T> parse, List<InputViolation> v)
        where T : struct
    {
        if (!Present(input, name, out var e))
        {
            return null;
        }

        if (parse(e, out var value))
        {
            return value;
        }

        v.Add(new InputViolation(name, ViolationCode.NotAValue));
        return null;
    }

    public static void Require(List<InputViolation> v, string name, bool present)
    {
        if (!present)
        {
            v.Add(new InputViolation(name, ViolationCode.Missing));
        }
    }

    /// <summary>A json parameter: any value, copied out of the document.</summary>
    public static JsonElement? Json(JsonElement input, string name) => Present(input, name, out var e) ? e.Clone() : null;

    private static bool Present(JsonElement input, string name, out JsonElement e) =>
        input.TryGetProperty(name, out e) && e.ValueKind != JsonValueKind.Null;
}
