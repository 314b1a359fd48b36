using System.Globalization;
using System.Text;

namespace KieCatalog.Generator.Parsing;

/// <summary>The scalar tokens of the JSON reader: strings (with their escapes), numbers and the literals.</summary>
internal sealed partial class JsonReader
{
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
}
