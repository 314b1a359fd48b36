using System.Globalization;
using KieBot.Conversation;
using KieBot.Telegram;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Features.Form;

/// <summary>How an answer to a parameter is read: typed text, a button of its question, or a file of a kind.</summary>
internal abstract record Answer
{
    /// <summary>A message: its text becomes the value's wire JSON, or an error for the user.</summary>
    public sealed record Typed(Func<string, (string? Json, string? Error)> Read) : Answer;

    /// <summary>Only the question's buttons answer it.</summary>
    public sealed record Pressed : Answer;

    /// <summary>A file the user sends (<paramref name="KindKey"/> names the kind in texts).</summary>
    public sealed record Sent(Func<IncomingFile, bool> Accepts, string KindKey) : Answer;
}

/// <summary>
/// Reading the answer to each parameter kind the catalog uses: like asking (<see cref="FormPrompter"/>) it implements
/// the generated <see cref="IParamKindHandler{TResult}"/>, so a kind the catalog starts using does not compile until the
/// bot can read it too.
/// </summary>
internal sealed class AnswerReader(Turn turn) : IParamKindHandler<Answer>
{
    public Answer OnText(ParamDescriptor param) => new Answer.Typed(text =>
        text.Length == 0 ? (null, turn.T("error.empty", ("label", param.Label.Get(turn.Language))))
        : param.MaxLength is { } max && text.Length > max ? (null, turn.T("error.too_long", ("max", max), ("length", text.Length)))
        : (ParamValues.Text(text), null));

    public Answer OnString(ParamDescriptor param) => OnText(param);

    public Answer OnInteger(ParamDescriptor param) => Number(param, whole: true);

    public Answer OnNumber(ParamDescriptor param) => Number(param, whole: false);

    public Answer OnBoolean(ParamDescriptor param) => new Answer.Pressed();

    public Answer OnEnum(ParamDescriptor param) => new Answer.Pressed();

    public Answer OnImage(ParamDescriptor param) => new Answer.Sent(f => f.Kind == FileKind.Photo || (f.Kind == FileKind.Document && Mime(f, "image/")), "kind.photo");

    public Answer OnImageList(ParamDescriptor param) => OnImage(param);

    public Answer OnVideo(ParamDescriptor param) => new Answer.Sent(f => f.Kind == FileKind.Video || (f.Kind == FileKind.Document && Mime(f, "video/")), "kind.video");

    public Answer OnVideoList(ParamDescriptor param) => OnVideo(param);

    public Answer OnAudio(ParamDescriptor param) => new Answer.Sent(f => f.Kind is FileKind.Audio or FileKind.Voice || (f.Kind == FileKind.Document && Mime(f, "audio/")), "kind.audio");

    public Answer OnAudioList(ParamDescriptor param) => OnAudio(param);

    public Answer OnFile(ParamDescriptor param) => new Answer.Sent(_ => true, "kind.file");

    /// <summary>Object inputs are not asked in the chat (a visible mode may not have one: KIE019).</summary>
    public Answer OnJson(ParamDescriptor param) => new Answer.Pressed();

    /// <summary>An earlier generation is never typed: a follow-up's button under a result fills it.</summary>
    public Answer OnTask(ParamDescriptor param) => new Answer.Pressed();

    /// <summary>A list is answered by its screen's buttons (each item's fields are asked as parameters of their own).</summary>
    public Answer OnList(ParamDescriptor param) => new Answer.Pressed();

    private Answer.Typed Number(ParamDescriptor param, bool whole) => new(text =>
    {
        var ok = decimal.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && (!whole || number == decimal.Truncate(number))
            && (param.Min is not { } min || number >= min)
            && (param.Max is not { } top || number <= top);
        return ok
            ? (ParamValues.Number(number), null)
            : (null, turn.T("error.number", ("min", param.Min?.ToString(CultureInfo.InvariantCulture) ?? "−∞"), ("max", param.Max?.ToString(CultureInfo.InvariantCulture) ?? "∞")));
    });

    private static bool Mime(IncomingFile file, string prefix) => file.MimeType?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ?? false;
}
