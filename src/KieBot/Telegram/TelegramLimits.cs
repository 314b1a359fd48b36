using System.Text;

namespace KieBot.Telegram;

/// <summary>Telegram's limits, applied before anything is sent.</summary>
public static class TelegramLimits
{
    public const int MessageText = 4096;
    public const int Caption = 1024;
    public const int CallbackDataBytes = 64;
    public const int ButtonText = 64;

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters (UTF-16 units, never splitting a pair), ending with "…".</summary>
    public static string Fit(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    public static bool FitsCallback(string data) => Encoding.UTF8.GetByteCount(data) is > 0 and <= CallbackDataBytes;

    /// <summary>Splits a long text into messages of at most <see cref="MessageText"/> characters, at line breaks where possible.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var rest = text;
        while (rest.Length > MessageText)
        {
            var at = rest.LastIndexOf('\n', MessageText - 1);
            if (at < MessageText / 2)
            {
                at = MessageText;
                if (char.IsHighSurrogate(rest[at - 1]))
                {
                    at--;
                }
            }

            yield return rest[..at];
            rest = rest[at..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
