using System.ComponentModel;
using System.Text.Json;

namespace KieCatalog.Catalog;

/// <summary>Writes values of a KIE <c>input</c> object for the generated <c>WriteInput</c> methods.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InputWriter
{
    public static void Strings(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values ?? Array.Empty<string>())
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
