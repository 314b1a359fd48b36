using System;

namespace KieCatalog.Generator.Parsing;

/// <summary>Thrown for text that is not JSON; carries the character offset of the problem.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int position)
        : base(message) => Position = position;

    public int Position { get; }
}
