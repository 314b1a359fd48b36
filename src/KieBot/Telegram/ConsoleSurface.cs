using System.Text.RegularExpressions;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Telegram;

/// <summary>
/// The chat in a terminal: messages print as text, inline buttons as numbered choices (the latest keyboard's numbers
/// are live), results as their URLs or text. Files "sent" by the user are local paths.
/// </summary>
public sealed partial class ConsoleSurface(TextWriter output) : IChatSurface, IPaymentSurface, IBotProfile
{
    private readonly Lock gate = new();
    private readonly List<(string Data, int MessageId)> buttons = [];
    private int messages;

    /// <summary>The callback data and message of button <paramref name="number"/> (1-based) of the latest keyboard.</summary>
    public bool TryPress(int number, out string data, out int messageId)
    {
        lock (gate)
        {
            if (number >= 1 && number <= buttons.Count)
            {
                (data, messageId) = buttons[number - 1];
                return true;
            }
        }

        (data, messageId) = (string.Empty, 0);
        return false;
    }

    public void Note(string text)
    {
        lock (gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    public Task<int> SendAsync(long chatId, Screen screen, CancellationToken cancellationToken)
    {
        int id;
        lock (gate)
        {
            id = ++messages;
            Print(id, screen, edited: false);
        }

        return Task.FromResult(id);
    }

    public Task<int> EditAsync(long chatId, int messageId, Screen screen, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Print(messageId, screen, edited: true);
        }

        return Task.FromResult(messageId);
    }

    public Task AnswerAsync(string callbackId, string? alert, CancellationToken cancellationToken)
    {
        if (alert is not null)
        {
            Note("» " + alert);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> DeliverAsync(long chatId, Delivery delivery, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var id = ++messages;
            var icon = delivery.Kind switch
            {
                OutputKind.Image => "🖼 image",
                OutputKind.Video => "🎬 video",
                OutputKind.Audio => "🎧 audio",
                _ => "📝 text",
            };
            output.WriteLine();
            output.WriteLine(Plain(delivery.Caption));
            foreach (var url in delivery.Tracks.Count > 0 ? [] : delivery.Urls)
            {
                output.WriteLine($"  {icon}: {url}");
            }

            foreach (var track in delivery.Tracks)
            {
                output.WriteLine($"  {icon}: {track.Title ?? "(untitled)"}: {track.AudioUrl}{(track.CoverUrl is { } cover ? $" (cover {cover})" : "")}");
            }

            foreach (var lyrics in delivery.Tracks.Select(t => t.Lyrics).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                output.WriteLine($"  🎤 {lyrics}");
            }

            if (delivery.Text is { } text)
            {
                output.WriteLine($"  {icon}: {text}");
            }

            if (delivery.Buttons is { } screen)
            {
                PrintButtons(id, screen);
            }

            output.Flush();
        }

        return Task.FromResult(delivery.Urls);
    }

    public Task ShowActivityAsync(long chatId, OutputKind kind, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> BotUsernameAsync(CancellationToken cancellationToken) => Task.FromResult("kiebot_console");

    public Task SetMenuAppAsync(string text, Uri url, CancellationToken cancellationToken)
    {
        Note($"{text}: {url}");
        return Task.CompletedTask;
    }

    public Task RefundStarsAsync(long userId, string chargeId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Stars payments exist only in Telegram.");

    public Task SendInvoiceAsync(long chatId, string title, string description, string payload, long stars, CancellationToken cancellationToken)
    {
        Note($"⭐ {title}: {stars} Telegram Stars. Payments work in Telegram only; the console chat runs on try-out credits.");
        return Task.CompletedTask;
    }

    public Task AnswerPreCheckoutAsync(string queryId, string? error, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> ForwardFileAsync(long chatId, IncomingFile file, Screen screen, CancellationToken cancellationToken) =>
        SendAsync(chatId, screen with { Text = screen.Text + "\n📎 " + file.FileId }, cancellationToken);

    public Task<Stream> OpenFileAsync(IncomingFile file, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(File.OpenRead(file.FileId));

    private void Print(int id, Screen screen, bool edited)
    {
        output.WriteLine();
        output.WriteLine(Plain(screen.Text));
        PrintButtons(id, screen);
        output.Flush();
    }

    private void PrintButtons(int id, Screen screen)
    {
        if (!screen.Buttons.Any())
        {
            return;
        }

        buttons.Clear();
        foreach (var row in screen.Keyboard)
        {
            var line = string.Join("   ", row.Select(b =>
            {
                buttons.Add((b.Data, id));
                return $"[{buttons.Count}] {Plain(b.Text)}";
            }));
            output.WriteLine("  " + line);
        }
    }

    private static string Plain(string html) => KieBot.Conversation.Texts.Plain(Tags().Replace(html, string.Empty));

    [GeneratedRegex("</?(b|i|u|s|code|pre)>")]
    private static partial Regex Tags();
}
