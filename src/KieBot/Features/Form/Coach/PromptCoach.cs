using System.Globalization;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Catalog;
using KieCatalog.Chat;

namespace KieBot.Features.Form.Coach;

/// <summary>
/// The prompt coach: at a prompt question, a chat model rewrites the user's text for the mode (its model's description,
/// its output and the values chosen so far as context; in English, except for sound, whose words are sung or spoken
/// as written), streamed into one message, billed by usage (<see cref="MeteredChat"/>) or free within the allowance.
/// </summary>
public sealed class PromptCoach(ChatOffer offer, MeteredChat metered, IChatSurface chat, Pricing pricing, TimeProvider time, GenerationOptions generation)
{
    /// <summary>The purpose its calls are recorded under (and its allowance counted by).</summary>
    public const string Purpose = "coach";

    /// <summary>The longest improved prompt the model may write, in tokens.</summary>
    public const int MaxTokens = 800;

    /// <summary>The user text the price on the button assumes at most (a longer one reserves more, and is still charged by usage).</summary>
    public const int TypicalPromptBytes = 2_000;

    public ChatOffer Offer => offer;

    /// <summary>True when the coach is on and <paramref name="param"/> is the mode's prompt.</summary>
    public bool Offers(ModeDescriptor mode, ParamDescriptor param) =>
        offer.IsOn && param.Kind == ParamKind.Text && (param.Name == "prompt" || ReferenceEquals(param, FormScreen.PromptOf(mode)));

    /// <summary>The ✨ button with its price: free while the allowance lasts, else the most it can cost.</summary>
    public async Task<Button> ButtonAsync(Turn turn, CancellationToken ct)
    {
        if (await FreeLeftAsync(turn, ct).ConfigureAwait(false) > 0)
        {
            return new Button(turn.T("coach.btn_free"), CoachButtons.Improve);
        }

        var most = offer.MostFor(pricing, TypicalPromptBytes + 1_500, MaxTokens) ?? Credits.Zero;
        return new Button(turn.T("coach.btn", ("price", most)), CoachButtons.Improve);
    }

    /// <summary>Streams the improved prompt into one message and shows it with use / edit / keep mine.</summary>
    public async Task<Reply> ImproveAsync(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param, string text, CancellationToken ct)
    {
        var request = new ChatRequest(offer.Model!, [ChatMessage.User(text)]) { System = Instructions(turn, form, mode, param), MaxTokens = MaxTokens };
        var call = new MeteredChatCall(Purpose, turn.User.Id, turn.ChatId, $"{Purpose}:{turn.User.Id}", text, request)
        {
            Key = $"{Purpose}:{turn.User.Id}:{turn.Update.UpdateId}",
            Price = offer.UserPrice(pricing),
            FreeDaily = offer.FreeDaily,
            FreeDay = MeteredChat.Day(time.GetUtcNow(), generation.FreeTimeZone),
            DryRun = offer.DryRun,
        };
        var message = new StreamedMessage(chat, turn.ChatId, time) { Heading = turn.T("coach.heading") + "\n\n" };
        var result = await metered.RunAsync(call, message.WriteAsync, ct).ConfigureAwait(false);
        if (result.Status == MeteredChatStatus.AlreadyAsked)
        {
            // The same press again (Telegram redelivered it): the first run shows and charges it.
            return Reply.Shown;
        }

        if (result.Status != MeteredChatStatus.Answered)
        {
            // Nothing charged: the question stays, and the next message is the prompt as the user writes it.
            turn.State = (form with { CoachText = null, CoachDraft = null }).At(FormState.Steps.Asking);
        }

        switch (result.Status)
        {
            case MeteredChatStatus.Insufficient:
                return Reply.Say(turn.T("coach.insufficient", ("price", MeteredChat.UpperBound(request, call.Price!))));
            case MeteredChatStatus.NotAvailable:
                return Reply.Say(turn.T("coach.used_up"));
            case MeteredChatStatus.Failed:
                await message.FinishAsync(new Screen(turn.T("coach.failed", ("reason", result.Error!.UserMessage(turn.Language)))), ct).ConfigureAwait(false);
                return Reply.Say(turn.T("coach.try_own"));
        }

        var draft = result.Text.Trim().Trim('"', '«', '»').Trim();
        var cost = result.Free ? turn.T("coach.free") : turn.T("coach.charged", ("price", result.Charged), ("in", result.Usage!.InputTokens), ("out", result.Usage.OutputTokens));
        var screen = new Screen(
            turn.T("coach.review", ("draft", Texts.Html(draft)), ("cost", cost)),
            [[new Button(turn.T("coach.use"), CoachButtons.Accept)], [new Button(turn.T("coach.edit"), CoachButtons.Edit), new Button(turn.T("coach.keep"), CoachButtons.Keep)]]);
        var id = await message.FinishAsync(screen, ct).ConfigureAwait(false);
        turn.State = (form with { CoachText = text, CoachDraft = draft }).At(FormState.Steps.Coached) with { MessageId = id };
        return Reply.Shown;
    }

    private Task<int> FreeLeftAsync(Turn turn, CancellationToken ct) =>
        metered.FreeLeftAsync(Purpose, turn.User.Id, MeteredChat.Day(time.GetUtcNow(), generation.FreeTimeZone), offer.FreeDaily, ct);

    /// <summary>What the chat model is told: the target, its settings so far, the language and the length.</summary>
    private static string Instructions(Turn turn, FormState form, ModeDescriptor mode, ParamDescriptor param)
    {
        var settings = mode.Params
            .Where(p => p != param && p.Kind is ParamKind.Enum or ParamKind.Boolean or ParamKind.Integer or ParamKind.Number && form.Values.ContainsKey(p.Name))
            .Select(p => $"{p.Label.Get("en")}: {Texts.Plain(ParamValues.Display(p, form.ValueOf(p), turn))}")
            .ToList();
        var language = mode.Output == OutputKind.Audio
            ? "Keep the language the user wrote in: the words may be sung or spoken as written."
            : "Write it in English (translate the user's text if it is in another language): the model follows English best.";
        var limit = param.MaxLength is { } max ? string.Create(CultureInfo.InvariantCulture, $" At most {max} characters.") : string.Empty;
        return $"""
            You improve prompts for {mode.Model.Name} ({mode.Model.Vendor}), mode "{mode.Label.Get("en")}", which makes {mode.Output.ToString().ToLowerInvariant()} from a text prompt.
            About the model: {mode.Model.Description.Get("en")}
            Settings already chosen: {(settings.Count == 0 ? "none" : string.Join("; ", settings))}.
            Rewrite the user's text into one prompt this model follows well: keep what the user wants, make the subject, setting, style, light and composition (or, for sound, genre, mood and instruments) concrete, and leave out anything the settings already decide.
            {language}{limit}
            Answer with the prompt only: no preface, no quotes, no explanation.
            """;
    }
}
