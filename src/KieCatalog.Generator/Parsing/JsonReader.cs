namespace KieCatalog.Generator.Parsing;

/// <summary>
/// A small char-based JSON reader written for the generator: no runtime dependency the compiler host may lack,
/// and spans in characters so diagnostics point at the right column on Cyrillic text.
/// </summary>
internal sealed partial class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string text;
    private int pos;

    private JsonReader(string text) => this.text = text;

    public static JsonNode Parse(string text)
    {
        var reader = new JsonReader(text);
        reader.SkipWhitespace();
        if (reader.pos < text.Length && text[reader.pos] == '\uFEFF')
        {
            reader.pos++;
            reader.SkipWhitespace();
        }

        var root = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader.pos < text.Length)
        {
            throw new JsonSyntaxException("unexpected text after the end of the JSON document", reader.pos);
        }

        return root;
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonSyntaxException("JSON nested too deeply", pos);
        }

        if (pos >= text.Length)
        {
            throw new JsonSyntaxException("unexpected end of file: a value was expected", pos);
        }

        var c = text[pos];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var node = new JsonNode(JsonKind.String, pos) { Text = ReadString() };
                node.End = pos;
                return node;
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw new JsonSyntaxException($"unexpected character '{c}': a value was expected", pos);
        }
    }

    private JsonNode ReadObject(int depth)
    {
        var node = new JsonNode(JsonKind.Object, pos);
        pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            pos++;
            node.End = pos;
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw new JsonSyntaxException("a property name in double quotes was expected", pos);
            }

            var nameStart = pos;
            var name = ReadString();
            var nameEnd = pos;
            if (node.Property(name) is not null)
            {
                throw new JsonSyntaxException($"duplicate property '{name}'", nameStart);
            }

            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            node.Add(new JsonProperty(name, nameStart, nameEnd, ReadValue(depth + 1)));
            SkipWhitespace();
            var next = Peek();
            pos++;
            if (next == '}')
            {
                node.End = pos;
                return node;
            }

            if (next != ',')
            {
                throw new JsonSyntaxException("',' or '}' was expected after a property value", pos - 1);
            }
        }
    }

    private JsonNode ReadArray(int depth)
    {
        var node = new JsonNode(JsonKind.Array, pos);
        pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            pos++;
            node.End = pos;
            return node;
        }

        while (true)
        {
            SkipWhitespace();
            node.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            pos++;
            if (next == ']')
            {
                node.End = pos;
                return node;
            }

            if (next != ',')
            {
                throw new JsonSyntaxException("',' or ']' was expected after an array item", pos - 1);
            }
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw new JsonSyntaxException($"'{c}' was expected", pos);
        }

        pos++;
    }

    private char Peek() => pos < text.Length ? text[pos] : '\0';

    private void SkipWhitespace()
    {
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\r' or '\n')
        {
            pos++;
        }
    }
}
