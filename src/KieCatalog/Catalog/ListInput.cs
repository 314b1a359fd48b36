using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace KieCatalog.Catalog;

/// <summary>
/// Checks, reads, writes and sums a list of objects for the generated input records. A violation of an item's field
/// names the item and the field: <c>multi_prompt[1].prompt</c> (the second shot's prompt).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ListInput
{
    /// <summary>The name of item <paramref name="index"/>'s field in a violation: <c>multi_prompt[1].prompt</c>.</summary>
    public static string FieldPath(string list, int index, string field) => list + "[" + index.ToString(CultureInfo.InvariantCulture) + "]." + field;

    /// <summary>The name of a field over every item (its total): <c>multi_prompt[].duration</c>.</summary>
    public static string TotalPath(string list, string field) => list + "[]." + field;

    /// <summary>
    /// The number of items, each item's own constraints, and the switch: with <paramref name="switchedOn"/> false the
    /// list must be empty (KIE does not read it), with it true it needs at least one item. An optional list may be left
    /// empty whatever its <paramref name="minItems"/>.
    /// </summary>
    public static void Validate<T>(
        List<InputViolation> v, string param, IReadOnlyList<T>? items, Func<T, IReadOnlyList<InputViolation>> validate,
        bool required, int? minItems, int? maxItems, bool? switchedOn = null, string? switchParam = null)
    {
        var count = items?.Count ?? 0;
        if (count == 0 && !required && switchedOn != true)
        {
            return;
        }

        if (switchedOn == false)
        {
            if (count > 0)
            {
                v.Add(new InputViolation(param, ViolationCode.SwitchedOff, switchParam));
            }

            return;
        }

        var min = switchedOn == true ? Math.Max(minItems ?? 1, 1) : minItems ?? 0;
        if (count < min)
        {
            v.Add(count == 0 ? new InputViolation(param, ViolationCode.Missing) : new InputViolation(param, ViolationCode.TooFewItems, Format(min)));
        }

        if (maxItems is { } max && count > max)
        {
            v.Add(new InputViolation(param, ViolationCode.TooManyItems, Format(max)));
        }

        for (var i = 0; i < count; i++)
        {
            if (items![i] is null)
            {
                v.Add(new InputViolation(param + "[" + Format(i) + "]", ViolationCode.Missing));
                continue;
            }

            foreach (var problem in validate(items[i]))
            {
                v.Add(problem with { Param = FieldPath(param, i, problem.Param) });
            }
        }
    }

    /// <summary>What a field adds up to over the items must lie within its bounds (nothing to check without items).</summary>
    public static void Total<T>(List<InputViolation> v, string list, string field, IReadOnlyList<T>? items, Func<T, decimal> value, decimal? min, decimal? max)
    {
        if (items is not { Count: > 0 })
        {
            return;
        }

        var total = Sum(items, value);
        if (min is { } low && total < low)
        {
            v.Add(new InputViolation(TotalPath(list, field), ViolationCode.TotalBelowMin, InputViolation.Format(low)));
        }

        if (max is { } high && total > high)
        {
            v.Add(new InputViolation(TotalPath(list, field), ViolationCode.TotalAboveMax, InputViolation.Format(high)));
        }
    }

    /// <summary>A field's values added up over the items (0 without items).</summary>
    public static decimal Sum<T>(IReadOnlyList<T>? items, Func<T, decimal> value) =>
        items is null ? 0m : items.Where(i => i is not null).Sum(value);

    /// <summary>The characters of a text field over every item.</summary>
    public static decimal Characters<T>(IReadOnlyList<T>? items, Func<T, string?> text) =>
        Sum(items, i => (text(i) ?? string.Empty).Length);

    /// <summary>Started thousands of characters (at least one), as KIE bills text by the thousand.</summary>
    public static decimal ThousandChars(decimal characters) => Math.Max(1m, Math.Ceiling(characters / 1000m));

    /// <summary>Writes the list as a JSON array of the items' objects (an empty array for none).</summary>
    public static void Write<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var item in items ?? Array.Empty<T>())
        {
            write(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a JSON array of objects with each item's own reader; its violations name the item.</summary>
    public static IReadOnlyList<T>? Read<T>(JsonElement input, string name, Func<JsonElement, List<InputViolation>, T> read, List<InputViolation> v)
    {
        if (!input.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            v.Add(new InputViolation(name, ViolationCode.WrongType, "array of objects"));
            return null;
        }

        var items = new List<T>();
        var index = 0;
        foreach (var element in e.EnumerateArray())
        {
            var own = new List<InputViolation>();
            var item = read(element, own);
            foreach (var problem in own)
            {
                v.Add(problem.Param == "input"
                    ? new InputViolation(name + "[" + Format(index) + "]", ViolationCode.WrongType, "object")
                    : problem with { Param = FieldPath(name, index, problem.Param) });
            }

            items.Add(item);
            index++;
        }

        return items;
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
