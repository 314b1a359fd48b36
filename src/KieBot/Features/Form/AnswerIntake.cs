using KieBot.Conversation;
using KieCatalog;
using KieBot.Telegram;
using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Errors;

namespace KieBot.Features.Form;

/// <summary>
/// Reading an answer the user typed or sent: text and numbers checked against the parameter, files checked for kind,
/// size, count and (where the price follows it) length, then uploaded to KIE.
/// </summary>
public sealed class AnswerIntake(IChatSurface chat, IKieGateway kie, BotSettings settings, FormFlow flow)
{
    public async Task<Reply> OnTextAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param, string text, CancellationToken ct)
    {
        var (json, error) = param.Accept(new AnswerReader(turn)) switch
        {
            Answer.Typed typed => typed.Read(text),
            Answer.Pressed => (null, turn.T("error.expect_buttons")),
            _ => (null, turn.T("error.expect_file")),
        };
        return error is not null
            ? await flow.RefuseAsync(turn, form, mode, param, error, ct).ConfigureAwait(false)
            : await flow.ContinueAsync(turn, form.With(param.Name, json), mode, ct).ConfigureAwait(false);
    }

    public async Task<Reply> OnFileAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param, IncomingFile file, CancellationToken ct)
    {
        var label = param.Label.Get(turn.Language);
        var expected = param.Accept(new AnswerReader(turn)) as Answer.Sent;
        if (expected is null || !expected.Accepts(file))
        {
            return await flow.RefuseAsync(turn, form, mode, param, turn.T("error.file_kind", ("label", label), ("kind", turn.T(expected?.KindKey ?? "kind.file"))), ct).ConfigureAwait(false);
        }

        if (file.Size is { } size && size > settings.MaxUploadBytes)
        {
            return await flow.RefuseAsync(turn, form, mode, param, turn.T("error.file_size", ("max", settings.MaxUploadBytes / (1024 * 1024))), ct).ConfigureAwait(false);
        }

        var existing = ParamValues.ReadUrls(param.IsList ? form.Values.GetValueOrDefault(param.Name) : null);
        if (param.IsList && param.MaxItems is { } maxItems && existing.Count >= maxItems)
        {
            return await flow.RefuseAsync(turn, form, mode, param, turn.T("error.too_many", ("label", label), ("max", maxItems)), ct).ConfigureAwait(false);
        }

        var (url, measure, refusal) = await UploadAsync(turn, param, file, label, ct).ConfigureAwait(false);
        if (refusal is not null)
        {
            return await flow.RefuseAsync(turn, form, mode, param, refusal, ct).ConfigureAwait(false);
        }

        if (!param.IsList)
        {
            form = form.With(param.Name, ParamValues.Text(url!));
            if (param.SecondsKey is { } secondsKey)
            {
                form = form.With(secondsKey, measure.Seconds is { } length ? ParamValues.Number(length) : null);
            }

            if (param.WidthKey is { } widthKey && param.HeightKey is { } heightKey)
            {
                form = form.With(widthKey, measure.Size is { } w ? ParamValues.Number(w.Width) : null)
                    .With(heightKey, measure.Size is { } h ? ParamValues.Number(h.Height) : null);
            }

            return await flow.ContinueAsync(turn, form, mode, ct).ConfigureAwait(false);
        }

        var urls = existing.Append(url!).ToList();
        form = form.With(param.Name, ParamValues.Urls(urls));
        return param.MaxItems is { } max && urls.Count >= max
            ? await flow.ContinueAsync(turn, form, mode, ct).ConfigureAwait(false)
            : await flow.AskAsync(turn, form, mode, param, form.FromSettings, ct).ConfigureAwait(false);
    }

    /// <summary>Uploads the file to KIE: its URL, its length or pixel size where the price follows it, or why it is refused.</summary>
    private async Task<(string? Url, Measure Measure, string? Refusal)> UploadAsync(Turn turn, ParamDescriptor param, IncomingFile file, string label, CancellationToken ct)
    {
        try
        {
            await using var opened = await chat.OpenFileAsync(file, ct).ConfigureAwait(false);
            Stream content = opened;
            int? seconds = null;
            ImageDimensions? size = null;
            if (param.SizePriced)
            {
                // The price follows the image's pixel size: read from the file's own header, never from what the sender says.
                var buffer = new MemoryStream();
                await opened.CopyToAsync(buffer, ct).ConfigureAwait(false);
                buffer.Position = 0;
                size = ImageSize.Read(buffer);
                buffer.Position = 0;
                content = buffer;
                if (size is not { } read)
                {
                    return (null, default, turn.T("error.size_unknown", ("label", label)));
                }

                if (param.MaxMegapixels is { } maxMegapixels && (decimal)read.Width * read.Height > maxMegapixels * InputRules.PixelsPerMegapixel)
                {
                    return (null, default, turn.T("error.size_large", ("width", read.Width), ("height", read.Height), ("max", maxMegapixels)));
                }
            }

            if (param.DurationPriced)
            {
                // The price follows the file's length: Telegram's word for media, the file's header for a document.
                var buffer = new MemoryStream();
                await opened.CopyToAsync(buffer, ct).ConfigureAwait(false);
                buffer.Position = 0;
                // The length Telegram reports is the sender's word; the file's own header, when it can be read, is the
                // file's: the longer of the two is charged, so a file cannot be made to look shorter than it plays.
                var header = MediaDuration.WholeSeconds(buffer) is > 0 and var length ? length : (int?)null;
                seconds = header is { } read && file.Seconds is { } said ? Math.Max(read, said) : header ?? (file.Seconds is > 0 ? file.Seconds : null);
                buffer.Position = 0;
                content = buffer;
                if (seconds is null)
                {
                    return (null, default, turn.T("error.duration_unknown", ("label", label)));
                }

                if (param.MaxSeconds is { } maxSeconds && seconds > maxSeconds)
                {
                    return (null, default, turn.T("error.duration_long", ("seconds", seconds), ("max", maxSeconds)));
                }
            }

            var url = (await kie.UploadAsync(content, FileName(file), "kiebot", ct).ConfigureAwait(false)).Url;
            return (url, new Measure(seconds, size), null);
        }
        catch (Exception e) when (e is KieException or IOException or HttpRequestException)
        {
            return (null, default, turn.T("error.upload"));
        }
    }

    /// <summary>What the price of an upload follows: an audio or video file's length, an image's pixel size.</summary>
    private readonly record struct Measure(int? Seconds, ImageDimensions? Size);

    private static string FileName(IncomingFile file)
    {
        var name = Path.GetFileName(file.FileName ?? string.Empty);
        return name.Length > 0 ? name : file.Kind switch
        {
            FileKind.Photo => "photo.jpg",
            FileKind.Video => "video.mp4",
            FileKind.Voice => "voice.ogg",
            FileKind.Audio => "audio.mp3",
            _ => "file.bin",
        };
    }
}
