using System.Text.Json;

namespace KieCatalog.Catalog;

/// <summary>A typed input of one mode, as generated from the catalog.</summary>
public interface IModeInput
{
    ModeDescriptor Mode { get; }

    /// <summary>Every violated constraint; empty when the input can be sent.</summary>
    IReadOnlyList<InputViolation> Validate();

    /// <summary>The exact price in KIE credits. Throws <see cref="InvalidInputException"/> for a combination KIE does not offer.</summary>
    decimal Price();

    /// <summary>Writes the KIE <c>input</c> object (no reflection).</summary>
    void WriteInput(Utf8JsonWriter writer);
}

/// <summary>Helpers over <see cref="IModeInput"/>.</summary>
public static class ModeInputExtensions
{
    /// <summary>The KIE <c>input</c> object as compact JSON text.</summary>
    public static string ToInputJson(this IModeInput input)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            input.WriteInput(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Throws <see cref="InvalidInputException"/> when <see cref="IModeInput.Validate"/> finds anything.</summary>
    public static void EnsureValid(this IModeInput input)
    {
        var violations = input.Validate();
        if (violations.Count > 0)
        {
            throw new InvalidInputException(input.Mode, violations);
        }
    }
}
