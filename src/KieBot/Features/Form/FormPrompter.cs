using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Telegram;
using KieBot.Conversation;
using KieBot.Features.Form.Lists;

namespace KieBot.Features.Form;

/// <summary>
/// The question screen for one parameter, per kind. Implements the catalog's generated per-kind interface, so a
/// catalog that gains a parameter kind does not compile until the bot can ask for it.
/// </summary>
internal sealed class FormPrompter(Turn turn, FormState form, ModeDescriptor mode) : IParamKindHandler<Screen>
{
    /// <summary>The longest value that still fits half a keyboard row on a phone.</summary>
    private const int ShortValue = 18;

    public Screen OnText(ParamDescriptor param) => Ask(param, turn.T("form.ask.text", ("label", Label(param)), ("limit", param.MaxLength is { } max ? turn.T("form.limit", ("max", max)) : string.Empty)));

    public Screen OnString(ParamDescriptor param) => OnText(param);

    public Screen OnInteger(ParamDescriptor param) => OnNumber(param);

    public Screen OnNumber(ParamDescriptor param) =>
        Ask(param, turn.T("form.ask.number", ("label", Label(param)), ("min", param.Min?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "−∞"), ("max", param.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "∞")));

    public Screen OnBoolean(ParamDescriptor param)
    {
        var on = ParamValues.ReadBoolean(Current(param), param.DefaultValue);
        var toggle = new Button($"{(on ? "✅" : "❌")} {Label(param)}: {turn.T(on ? "value.yes" : "value.no")}", param.ToggleCallbackData!);
        return Ask(param, turn.T("form.ask.boolean", ("label", Label(param))), [[toggle], [new Button(turn.T("btn.next"), FormButtons.Next)]], withSkip: false);
    }

    public Screen OnEnum(ParamDescriptor param)
    {
        var current = Current(param);
        var chosen = current is null ? param.DefaultValue : param.Values.FirstOrDefault(v => ParamValues.Enum(v) == current)?.Wire;
        var buttons = param.Values.Where(v => v.Offered).Select(v => new Button(TelegramLimits.Fit((v.Wire == chosen ? "• " : string.Empty) + v.Display(turn.Language), TelegramLimits.ButtonText), v.CallbackData)).ToList();

        // Short values two to a row; labels such as a voice's name and character get a row each, so they are read whole.
        var rows = buttons.Any(b => b.Text.Length > ShortValue) ? buttons.Select(b => (IReadOnlyList<Button>)[b]).ToList() : Keyboards.Pairs(buttons);
        return Ask(param, turn.T("form.ask.enum", ("label", Label(param))), rows, withSkip: false);
    }

    public Screen OnImage(ParamDescriptor param) => Ask(param, turn.T("form.ask.image", ("label", Label(param))));

    public Screen OnImageList(ParamDescriptor param) => Files(param, "form.ask.images");

    public Screen OnVideo(ParamDescriptor param) => Ask(param, turn.T("form.ask.video", ("label", Label(param))));

    public Screen OnAudio(ParamDescriptor param) => Ask(param, turn.T("form.ask.audio", ("label", Label(param))));

    public Screen OnVideoList(ParamDescriptor param) => Files(param, "form.ask.videos");

    public Screen OnAudioList(ParamDescriptor param) => Files(param, "form.ask.audios");

    public Screen OnFile(ParamDescriptor param) => Ask(param, turn.T("form.ask.file", ("label", Label(param))));

    /// <summary>Never asked: the catalog build refuses a visible mode with a json parameter (KIE019); said plainly if it ever is.</summary>
    public Screen OnJson(ParamDescriptor param) => new(turn.T("form.ask.unsupported", ("label", Label(param))), [Keyboards.MenuOnly(turn)]);

    /// <summary>Never asked: a follow-up's button under a result fills it (and the settings screen does not offer it).</summary>
    public Screen OnTask(ParamDescriptor param) => new(turn.T("form.ask.earlier", ("label", Label(param))), [Keyboards.MenuOnly(turn)]);

    /// <summary>A list: its items with add / edit / remove / done, or one item's fields (<see cref="ListScreens"/>).</summary>
    public Screen OnList(ParamDescriptor param) => new ListScreens(turn, form).For(param);

    /// <summary>The screen for any parameter.</summary>
    public Screen For(ParamDescriptor param) => param.Accept(this);

    private Screen Files(ParamDescriptor param, string key)
    {
        var count = ParamValues.ReadUrls(Current(param)).Count;
        var min = Math.Max(param.MinItems ?? 1, param.Required ? 1 : 0);
        var rows = new List<IReadOnlyList<Button>>();
        if (count >= min && count > 0)
        {
            rows.Add([new Button(turn.T("btn.done", ("count", count)), FormButtons.Done)]);
        }

        return Ask(param, turn.T(key, ("label", Label(param)), ("min", min), ("max", param.MaxItems ?? 1), ("count", count)), rows);
    }

    private Screen Ask(ParamDescriptor param, string question, List<IReadOnlyList<Button>>? rows = null, bool withSkip = true)
    {
        rows ??= [];
        var text = question;
        if (UnansweredGroup(param) is { } group)
        {
            // One of these is required: this one, or another from the settings screen; skipping would leave none.
            text += "\n\n" + turn.T("form.one_of", ("others", string.Join(", ", group.Skip(1).Select(Label))));
            rows.Add([new Button(turn.T("btn.settings"), FormButtons.Settings)]);
            withSkip = false;
        }

        if (param.DefaultValue is { } fallback)
        {
            text += turn.T("form.default", ("value", ParamValues.Display(param, null, turn)));
            if (withSkip)
            {
                rows.Add([new Button(turn.T("btn.skip", ("value", TelegramLimits.Fit(param.FindValue(fallback)?.Display(turn.Language) ?? fallback, 20))), FormButtons.Skip)]);
            }
        }
        else if (withSkip && FormOrder.MaySkip(mode, param, form))
        {
            rows.Add([new Button(turn.T("btn.skip_optional"), FormButtons.Skip)]);
        }

        rows.Add(form.FromSettings ? [new Button(turn.T("btn.summary"), FormButtons.Summary), new Button(turn.T("btn.cancel"), BotCallbacks.Cancel)] : Keyboards.BackCancel(turn));
        return new Screen(text, rows);
    }

    private IReadOnlyList<ParamDescriptor>? UnansweredGroup(ParamDescriptor param) => FormOrder.UnansweredGroup(mode, param, form);

    private string? Current(ParamDescriptor param) => form.ValueOf(param);

    /// <summary>A parameter's label; a list's field with its item: "Shots #2 · Prompt".</summary>
    private string Label(ParamDescriptor param) =>
        param.List is { } list && form.Item is { } item
            ? turn.T("list.field", ("list", list.Label.Get(turn.Language)), ("n", item + 1), ("field", param.Label.Get(turn.Language)))
            : param.Label.Get(turn.Language);
}
