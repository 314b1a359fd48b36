using System.Text.Json;
using KieCatalog.Catalog;

namespace KieCatalog.Client.Families;

/// <summary>The create request of a mode at its endpoint: Market nests the input; every other endpoint takes it flat.</summary>
internal static class CreateBody
{
    public static byte[] Write(KieEndpoint protocol, IModeInput input, Uri? callbackUrl)
    {
        var mode = input.Mode;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (protocol.ModelField is { } modelField)
            {
                writer.WriteString(modelField, mode.KieModel);
            }

            if (callbackUrl is not null)
            {
                writer.WriteString("callBackUrl", callbackUrl.AbsoluteUri);
            }

            if (protocol.NestsInput)
            {
                writer.WritePropertyName("input");
                input.WriteInput(writer);
            }
            else
            {
                using var flat = JsonDocument.Parse(input.ToInputJson());
                foreach (var property in flat.RootElement.EnumerateObject())
                {
                    if (property.Name != protocol.ModelField && property.Name != "callBackUrl")
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
