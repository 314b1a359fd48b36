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
            : await flow.ContinueAsync(turn, form.With(param, json), mode, ct).ConfigureAwait(false);
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

        if (!param.DurationPriced && param.MaxSeconds is { } longest && file.Seconds > longest)
        {
            // The longest file KIE takes (Suno: 8 minutes), by the length Telegram reports; a priced file's is read from the file itself.
            return await flow.RefuseAsync(turn, form, mode, param, turn.T("error.duration_long", ("seconds", file.Seconds), ("max", longest)), ct).ConfigureAwait(false);
        }

        var existing = ParamValues.ReadUrls(param.IsList ? form.ValueOf(param) : null);
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
            form = form.With(param, ParamValues.Text(url!));
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
        form = form.With(param, ParamValues.Urls(urls));
        if (param.SecondsKey is { } listSecondsKey)
        {
            // A list priced by its file's length takes one file (Kling's motion video): its length as for a single upload.
            form = form.With(listSecondsKey, measure.Seconds is { } length ? ParamValues.Number(length) : null);
        }

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
            var measure = default(Measure);
            if (param.DurationPriced || param.SizePriced)
            {
                // The price follows the file itself: it is read once into memory, measured from its header, then uploaded.
                var buffer = new MemoryStream();
                await opened.CopyToAsync(buffer, ct).ConfigureAwait(false);
                buffer.Position = 0;
                var (measured, refusal) = param.SizePriced ? MeasureImage(turn, param, buffer, label) : MeasureLength(turn, param, buffer, file, label);
                if (refusal is not null)
                {
                    return (null, default, refusal);
                }

                measure = measured;
                buffer.Position = 0;
                content = buffer;
            }

            var url = (await kie.UploadAsync(content, FileName(file), "kiebot", ct).ConfigureAwait(false)).Url;
            return (url, measure, null);
        }
        catch (Exception e) when (e is KieException or IOException or HttpRequestException)
        {
            return (null, default, turn.T("error.upload"));
        }
    }

    /// <summary>An image's pixel size from its own header, never from what the sender says.</summary>
    private static (Measure Measure, string? Refusal) MeasureImage(Turn turn, ParamDescriptor param, Stream file, string label)
    {
        if (ImageSize.Read(file) is not { } size)
        {
            return (default, turn.T("error.size_unknown", ("label", label)));
        }

        return param.MaxMegapixels is { } max && (decimal)size.Width * size.Height > max * InputRules.PixelsPerMegapixel
            ? (default, turn.T("error.size_large", ("width", size.Width), ("height", size.Height), ("max", max)))
            : (new Measure(null, size), null);
    }

    /// <summary>
    /// A file's length: Telegram reports the sender's word, the file's own header (when it can be read) the file's; the
    /// longer of the two is charged, so a file cannot be made to look shorter than it plays.
    /// </summary>
    private static (Measure Measure, string? Refusal) MeasureLength(Turn turn, ParamDescriptor param, Stream content, IncomingFile file, string label)
    {
        var header = MediaDuration.WholeSeconds(content) is > 0 and var length ? length : (int?)null;
        var seconds = header is { } read && file.Seconds is { } said ? Math.Max(read, said) : header ?? (file.Seconds is > 0 ? file.Seconds : null);
        if (seconds is null)
        {
            return (default, turn.T("error.duration_unknown", ("label", label)));
        }

        return param.MaxSeconds is { } maxSeconds && seconds > maxSeconds
            ? (default, turn.T("error.duration_long", ("seconds", seconds), ("max", maxSeconds)))
            : (new Measure(seconds, null), null);
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
