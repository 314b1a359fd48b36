using System.Globalization;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Hosting;

/// <summary>
/// The whole product in a terminal, with no secrets: the real flows, the fake KIE gateway (or the real one when real
/// generation is configured, said in the first line) and the embedded store.
/// A number presses a button of the latest keyboard, <c>/photo PATH</c> (or /video, /audio, /file) sends a local
/// file, anything else is a message. At the end of input it waits for running generations, then stops.
/// </summary>
public sealed class ConsoleChat(UpdatePipeline pipeline, ConsoleSurface surface, GenerationTracker tracker, MeteredCallSweeper sweeper, IBotStore store, BotOptions options)
{
    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes = new();

    public const long UserId = 1;

    /// <summary>Runs the chat; <paramref name="galleryLink"/> (the gallery in a browser, for this user) is printed first.</summary>
    public async Task<int> RunAsync(TextReader input, CancellationToken ct, string? galleryLink = null)
    {
        surface.Note(options.DryRun
            ? $"KieBot console chat · dry run: fake KIE, nothing charged · store: {store.Description}"
            : $"KieBot console chat · REAL generation: KIE at {options.KieApiUrl}, each generation spends KIE credits · store: {store.Description}");
        surface.Note("Type a message; a number presses a button; /photo PATH, /video PATH, /audio PATH, /file PATH send a file; /quit leaves.");
        if (galleryLink is not null)
        {
            surface.Note("🖼 Gallery in a browser: " + galleryLink);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tracking = tracker.RunAsync(stop.Token);
        var sweeping = sweeper.RunAsync(stop.Token);
        long updateId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var language = Environment.GetEnvironmentVariable("LANG")?.StartsWith("ru", StringComparison.OrdinalIgnoreCase) == true ? "ru" : "en";

        await pipeline.HandleAsync(Message(++updateId, language) with { Text = "/start" }, ct).ConfigureAwait(false);
        while (await input.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            line = line.Trim();
            if (line is "/quit" or "/exit")
            {
                break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var update = Message(++updateId, language);
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (!surface.TryPress(number, out var data, out var messageId))
                {
                    surface.Note("No button with that number.");
                    continue;
                }

                update = update with { CallbackData = data, CallbackId = "console-" + updateId, CallbackMessageId = messageId };
            }
            else if (FileCommand(line) is { } file)
            {
                if (!File.Exists(file.FileId))
                {
                    surface.Note($"No such file: {file.FileId}");
                    continue;
                }

                update = update with { File = file };
            }
            else
            {
                update = update with { Text = line };
            }

            await pipeline.HandleAsync(update, ct).ConfigureAwait(false);
        }

        await WaitForRunningAsync(ct).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await tracking.ConfigureAwait(false);
        await sweeping.ConfigureAwait(false);
        return 0;
    }

    private async Task WaitForRunningAsync(CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (DateTimeOffset.UtcNow < deadline && await UnsettledAsync(ct).ConfigureAwait(false))
        {
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A generation still running, or ended but not yet delivered or refunded.</summary>
    private async Task<bool> UnsettledAsync(CancellationToken ct)
    {
        var recent = await store.Generations.ListByUserAsync(UserId, 20, cancellationToken: ct).ConfigureAwait(false);
        return recent.Any(g => g.State.IsInFlight() || g.State == GenerationState.Failed || (g.State == GenerationState.Succeeded && g.Delivered is null));
    }

    private static BotUpdate Message(long id, string language) => new()
    {
        UpdateId = id,
        UserId = UserId,
        ChatId = UserId,
        Username = Environment.UserName,
        LanguageCode = language,
    };

    private static IncomingFile? FileCommand(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return null;
        }

        var kind = parts[0] switch
        {
            "/photo" => FileKind.Photo,
            "/video" => FileKind.Video,
            "/audio" => FileKind.Audio,
            "/file" => FileKind.Document,
            _ => (FileKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var path = Path.GetFullPath(parts[1].Trim('"'));
        var size = File.Exists(path) ? new FileInfo(path).Length : (long?)null;
        return new IncomingFile(path, kind.Value, Path.GetFileName(path), Mime(path), size);
    }

    private static string? Mime(string path) => ContentTypes.TryGetContentType(path, out var type) ? type : null;
}
