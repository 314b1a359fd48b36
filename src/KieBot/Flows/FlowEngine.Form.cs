using System.Globalization;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieCatalog.Errors;
using KieBot.Conversation;

namespace KieBot.Flows;

public sealed partial class FlowEngine
{
    private static ModeDescriptor? CurrentMode(Turn turn) =>
        turn.State.Model is { } model && turn.State.Mode is { } mode ? Models.FindModel(model)?.FindMode(mode) : null;

    private static ParamDescriptor? AskedParam(Turn turn) =>
        turn.State.Step == FlowStep.Form && turn.State.Asking is { } name ? CurrentMode(turn)?.FindParam(name) : null;

    /// <summary>A catalog button for <paramref name="param"/> counts only while that very parameter is being asked.</summary>
    private static bool IsAsking(Turn turn, ParamDescriptor param) =>
        AskedParam(turn) is { } asked && ReferenceEquals(asked, param);

    private static bool InForm(Turn turn) =>
        CurrentMode(turn) is not null && turn.State.Step is FlowStep.Form or FlowStep.Summary or FlowStep.Settings;

    /// <summary>
    /// The next question of the first pass: a required parameter without a value, or the first of a "one of these is
    /// required" group none of which has a value yet (the others stay under the settings button).
    /// </summary>
    private static ParamDescriptor? NextToAsk(ModeDescriptor mode, FlowState state) =>
        mode.Params.FirstOrDefault(p => !state.Values.ContainsKey(p.Name) && (p.IsAskedFirst || LeadsUnansweredGroup(mode, p, state)));

    /// <summary>Asked in the first pass: required, or the first of a "one of these is required" group.</summary>
    private static bool IsAskedInFirstPass(ModeDescriptor mode, ParamDescriptor param) =>
        param.IsAskedFirst || mode.RequireOneOf.Any(g => ReferenceEquals(g[0], param));

    private static bool LeadsUnansweredGroup(ModeDescriptor mode, ParamDescriptor param, FlowState state) =>
        UnansweredGroup(mode, param, state) is not null;

    /// <summary>The "one of these is required" group <paramref name="param"/> leads, when none of it has a value yet.</summary>
    internal static IReadOnlyList<ParamDescriptor>? UnansweredGroup(ModeDescriptor mode, ParamDescriptor param, FlowState state) =>
        mode.RequireOneOf.FirstOrDefault(g => ReferenceEquals(g[0], param) && !g.Any(member => state.Values.ContainsKey(member.Name)));

    private Task StartFormAsync(Turn turn, ModeDescriptor mode, CancellationToken ct)
    {
        turn.State = new FlowState { Step = FlowStep.Form, Category = mode.Model.Category.ToString(), Page = turn.State.Page, Model = mode.Model.Id, Mode = mode.Id };
        return ContinueAsync(turn, ct);
    }

    /// <summary>After an answer: back to the summary when editing a setting, else the next question or the summary.</summary>
    private async Task ContinueAsync(Turn turn, CancellationToken ct)
    {
        var mode = CurrentMode(turn)!;
        if (!turn.State.FromSettings && NextToAsk(mode, turn.State) is { } next)
        {
            await AskAsync(turn, next, fromSettings: false, ct).ConfigureAwait(false);
            return;
        }

        await ShowSummaryAsync(turn, ct).ConfigureAwait(false);
    }

    private Task AskAsync(Turn turn, ParamDescriptor param, bool fromSettings, CancellationToken ct)
    {
        turn.State = turn.State with { Step = FlowStep.Form, Asking = param.Name, FromSettings = fromSettings };
        var screen = new FormPrompter(turn).For(param);
        return turn.Update.IsCallback ? ShowAsync(turn, screen, ct) : SendAsync(turn, screen, ct);
    }

    private async Task SendAsync(Turn turn, Screen screen, CancellationToken ct)
    {
        var id = await chat.SendAsync(turn.ChatId, screen, ct).ConfigureAwait(false);
        turn.State = turn.State with { MessageId = id };
    }

    private async Task AcceptTextAsync(Turn turn, ParamDescriptor param, string text, CancellationToken ct)
    {
        var (json, error) = param.Accept(new AnswerReader(turn)) switch
        {
            Answer.Typed typed => typed.Read(text),
            Answer.Pressed => (null, turn.T("error.expect_buttons")),
            _ => (null, turn.T("error.expect_file")),
        };
        if (error is not null)
        {
            await chat.SendAsync(turn.ChatId, new Screen(error), ct).ConfigureAwait(false);
            await AskAsync(turn, param, turn.State.FromSettings, ct).ConfigureAwait(false);
            return;
        }

        turn.State = turn.State with { Values = With(turn.State.Values, param.Name, json) };
        await ContinueAsync(turn, ct).ConfigureAwait(false);
    }

    private async Task AcceptFileAsync(Turn turn, ParamDescriptor param, IncomingFile file, CancellationToken ct)
    {
        var label = param.Label.Get(turn.Language);
        var expected = param.Accept(new AnswerReader(turn)) as Answer.Sent;
        if (expected is null || !expected.Accepts(file))
        {
            await RefuseAsync(turn, param, turn.T("error.file_kind", ("label", label), ("kind", turn.T(expected?.KindKey ?? "kind.file"))), ct).ConfigureAwait(false);
            return;
        }

        if (file.Size is { } size && size > settings.MaxUploadBytes)
        {
            await RefuseAsync(turn, param, turn.T("error.file_size", ("max", settings.MaxUploadBytes / (1024 * 1024))), ct).ConfigureAwait(false);
            return;
        }

        var existing = ParamValues.ReadUrls(param.IsList ? turn.State.Values.GetValueOrDefault(param.Name) : null);
        if (param.IsList && param.MaxItems is { } maxItems && existing.Count >= maxItems)
        {
            await RefuseAsync(turn, param, turn.T("error.too_many", ("label", label), ("max", maxItems)), ct).ConfigureAwait(false);
            return;
        }

        string url;
        int? seconds = null;
        try
        {
            await using var opened = await chat.OpenFileAsync(file, ct).ConfigureAwait(false);
            var content = opened;
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
                    await RefuseAsync(turn, param, turn.T("error.duration_unknown", ("label", label)), ct).ConfigureAwait(false);
                    return;
                }

                if (param.MaxSeconds is { } maxSeconds && seconds > maxSeconds)
                {
                    await RefuseAsync(turn, param, turn.T("error.duration_long", ("seconds", seconds), ("max", maxSeconds)), ct).ConfigureAwait(false);
                    return;
                }
            }

            url = (await kie.UploadAsync(content, FileName(file), "kiebot", ct).ConfigureAwait(false)).Url;
        }
        catch (Exception e) when (e is KieException or IOException or HttpRequestException)
        {
            await RefuseAsync(turn, param, turn.T("error.upload"), ct).ConfigureAwait(false);
            return;
        }

        if (!param.IsList)
        {
            var values = With(turn.State.Values, param.Name, ParamValues.Text(url));
            if (param.SecondsKey is { } secondsKey)
            {
                values = With(values, secondsKey, seconds is { } length ? ParamValues.Number(length) : null);
            }

            turn.State = turn.State with { Values = values };
            await ContinueAsync(turn, ct).ConfigureAwait(false);
            return;
        }

        var urls = existing.Append(url).ToList();
        turn.State = turn.State with { Values = With(turn.State.Values, param.Name, ParamValues.Urls(urls)) };
        if (param.MaxItems is { } max && urls.Count >= max)
        {
            await ContinueAsync(turn, ct).ConfigureAwait(false);
            return;
        }

        await AskAsync(turn, param, turn.State.FromSettings, ct).ConfigureAwait(false);
    }

    private async Task RefuseAsync(Turn turn, ParamDescriptor param, string message, CancellationToken ct)
    {
        await chat.SendAsync(turn.ChatId, new Screen(message), ct).ConfigureAwait(false);
        await AskAsync(turn, param, turn.State.FromSettings, ct).ConfigureAwait(false);
    }

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

    private async Task<string?> OnFormButtonAsync(Turn turn, string data, CancellationToken ct)
    {
        if (AskedParam(turn) is not { } param)
        {
            return await StaleAsync(turn, ct).ConfigureAwait(false);
        }

        switch (data)
        {
            case BotCallbacks.Skip when (!param.Required || param.DefaultValue is not null) && !LeadsUnansweredGroup(CurrentMode(turn)!, param, turn.State):
                turn.State = turn.State with { Values = With(turn.State.Values, param.Name, null) };
                break;
            case BotCallbacks.Next when param.Kind == ParamKind.Boolean:
                var on = ParamValues.ReadBoolean(turn.State.Values.GetValueOrDefault(param.Name), param.DefaultValue);
                turn.State = turn.State with { Values = With(turn.State.Values, param.Name, ParamValues.Boolean(on)) };
                break;
            case BotCallbacks.Done when param.IsList:
                var count = ParamValues.ReadUrls(turn.State.Values.GetValueOrDefault(param.Name)).Count;
                if (count < (param.MinItems ?? 1))
                {
                    return turn.T("error.too_few", ("label", param.Label.Get(turn.Language)), ("min", param.MinItems ?? 1));
                }

                break;
            default:
                return await StaleAsync(turn, ct).ConfigureAwait(false);
        }

        await ContinueAsync(turn, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>One step back: the previous question (its answer dropped), the model card, the category, the menu.</summary>
    private async Task BackAsync(Turn turn, CancellationToken ct)
    {
        var state = turn.State;
        var mode = CurrentMode(turn);
        switch (state.Step)
        {
            case FlowStep.Form or FlowStep.Settings when state.FromSettings || state.Step == FlowStep.Settings:
                await ShowSummaryAsync(turn, ct).ConfigureAwait(false);
                return;
            case FlowStep.Form or FlowStep.Summary when mode is not null:
                var asked = mode.Params.Where(p => IsAskedInFirstPass(mode, p)).ToList();
                var at = state.Step == FlowStep.Form && state.Asking is { } name ? asked.FindIndex(p => p.Name == name) : asked.Count;
                if (at > 0)
                {
                    var previous = asked[at - 1];
                    turn.State = state with { Values = With(state.Values, previous.Name, null) };
                    await AskAsync(turn, previous, fromSettings: false, ct).ConfigureAwait(false);
                    return;
                }

                await ShowModelAsync(turn, mode.Model, ct).ConfigureAwait(false);
                return;
            case FlowStep.Model when state.Category is { } category && Enum.TryParse<ModelCategory>(category, out var parsed):
                await ShowCategoryAsync(turn, parsed, state.Page, ct).ConfigureAwait(false);
                return;
            default:
                await ShowMenuAsync(turn, "menu", ct).ConfigureAwait(false);
                return;
        }
    }
}
