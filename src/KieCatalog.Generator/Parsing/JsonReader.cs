using System;
using System.Globalization;
using System.Text;

namespace KieCatalog.Generator.Parsing;

/// <summary>Thrown for text that is not JSON; carries the character offset of the problem.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, int position)
        : base(message) => Position = position;

    public int Position { get; }
}

/// <summary>
/// A small char-based JSON reader written for the generator: no runtime dependency the compiler host may lack,
/// and spans in characters so diagnostics point at the right column on Cyrillic text.
/// </summary>
internal sealed class JsonReader
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

    private string ReadString()
    {
        var start = pos;
        pos++;
        StringBuilder? sb = null;
        var runStart = pos;
        while (true)
        {
            if (pos >= text.Length)
            {
                throw new JsonSyntaxException("unterminated string", start);
            }

            var c = text[pos];
            if (c == '"')
            {
                var tail = text.Substring(runStart, pos - runStart);
                pos++;
                return sb is null ? tail : sb.Append(tail).ToString();
            }

            if (c < ' ')
            {
                throw new JsonSyntaxException("control character in a string (use an escape such as \\n)", pos);
            }

            if (c != '\\')
            {
                pos++;
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(text, runStart, pos - runStart);
            pos++;
            var e = Peek();
            pos++;
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (pos + 4 > text.Length ||
                        !int.TryParse(text.Substring(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonSyntaxException("invalid \\u escape", pos - 2);
                    }

                    sb.Append((char)code);
                    pos += 4;
                    break;
                default:
                    throw new JsonSyntaxException($"invalid escape '\\{e}'", pos - 2);
            }

            runStart = pos;
        }
    }

    private JsonNode ReadNumber()
    {
        var start = pos;
        if (Peek() == '-')
        {
            pos++;
        }

        if (!ReadDigits())
        {
            throw new JsonSyntaxException("invalid number", start);
        }

        if (Peek() == '.')
        {
            pos++;
            if (!ReadDigits())
            {
                throw new JsonSyntaxException("invalid number: digits expected after '.'", start);
            }
        }

        if (Peek() is 'e' or 'E')
        {
            pos++;
            if (Peek() is '+' or '-')
            {
                pos++;
            }

            if (!ReadDigits())
            {
                throw new JsonSyntaxException("invalid number: digits expected in the exponent", start);
            }
        }

        return new JsonNode(JsonKind.Number, start) { Text = text.Substring(start, pos - start), End = pos };
    }

    private bool ReadDigits()
    {
        var start = pos;
        while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
        {
            pos++;
        }

        return pos > start;
    }

    private JsonNode ReadLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(text, pos, literal, 0, literal.Length) != 0)
        {
            throw new JsonSyntaxException($"unexpected token: '{literal}' or another value was expected", pos);
        }

        var node = new JsonNode(kind, pos);
        pos += literal.Length;
        node.End = pos;
        return node;
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
