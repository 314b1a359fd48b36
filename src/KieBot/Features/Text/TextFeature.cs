using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Telegram;

namespace KieBot.Features.Text;

/// <summary>
/// The 💬 Text shelf: questions to the operator's chat model with the conversation's recent turns as context, photos
/// and documents to describe or read, a new conversation on request, and the earlier questions (each answer sent again,
/// its conversation continued). Off, with no button, when the operator offers no usable chat model.
/// </summary>
public sealed class TextFeature(TextAnswers answers, MeteredChat metered, IChatSurface chat) : IFeature
{
    public const string Prefix = "text:";

    public const string Open = "text:open";

    public const string New = "text:new";

    public const string Earlier = "text:past";

    public const string ResumePrefix = "text:go:";

    public string Name => TextState.Feature;

    public bool Enabled => answers.Offer.IsOn;

    public IReadOnlyList<string> Buttons { get; } = [Prefix];

    public IReadOnlyList<Type> Screens { get; } = [typeof(ChatHistoryScreen)];

    /// <summary>The earlier questions, for the history screen's button.</summary>
    public Task<Reply> OpenAsync(Turn turn, ScreenRequest screen, CancellationToken cancellationToken) =>
        screen is ChatHistoryScreen ? EarlierAsync(turn, cancellationToken) : Task.FromResult(Reply.Outdated);

    public IEnumerable<IReadOnlyList<Button>> MenuRows(Turn turn) => [[new Button(turn.T("btn.text"), Open)]];

    /// <summary>The buttons under an answer: a new conversation, the earlier questions, the menu.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Keyboard(Turn turn) =>
        [[new Button(turn.T("btn.text_new"), New), new Button(turn.T("btn.text_earlier"), Earlier)], Keyboards.MenuOnly(turn)];

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        switch (data)
        {
            case Open:
                return await IntroAsync(turn, TextState.From(turn.State) ?? TextState.New(), fresh: false, cancellationToken).ConfigureAwait(false);
            case New:
                return await IntroAsync(turn, TextState.New(), fresh: true, cancellationToken).ConfigureAwait(false);
            case Earlier:
                return await EarlierAsync(turn, cancellationToken).ConfigureAwait(false);
            case BotCallbacks.Back:
                return Reply.Open(new MenuScreen());
        }

        if (data.StartsWith(ResumePrefix, StringComparison.Ordinal) && await metered.FindAsync(turn.User.Id, data[ResumePrefix.Length..], cancellationToken).ConfigureAwait(false) is { Answer: { } answer } call)
        {
            turn.State = new TextState { Thread = call.Thread }.At();
            var text = TelegramLimits.Fit($"<b>{Texts.Html(TelegramLimits.Fit(call.Prompt, 300))}</b>\n\n{Texts.Html(answer)}", TelegramLimits.MessageText);
            await chat.ShowAsync(turn, new Screen(text + "\n\n" + turn.T("text.resumed"), Keyboard(turn)), cancellationToken).ConfigureAwait(false);
            return Reply.Shown;
        }

        return Reply.Outdated;
    }

    public async Task<Reply?> OnCommandAsync(Turn turn, string command, string? argument, CancellationToken cancellationToken) =>
        command == "/text" ? await IntroAsync(turn, TextState.From(turn.State) ?? TextState.New(), fresh: false, cancellationToken).ConfigureAwait(false) : null;

    public Task<Reply> OnMessageAsync(Turn turn, CancellationToken cancellationToken) =>
        TextState.From(turn.State) is { } state ? answers.AskAsync(turn, state, cancellationToken) : Task.FromResult(Reply.Say(turn.T("error.expect_buttons")));

    private async Task<Reply> IntroAsync(Turn turn, TextState state, bool fresh, CancellationToken ct)
    {
        var model = answers.Offer.Model!;
        var left = await answers.FreeLeftAsync(turn, ct).ConfigureAwait(false);
        var price = left > 0 ? turn.T("text.price_free", ("left", left), ("daily", answers.Offer.FreeDaily))
            : answers.Most is { } most ? turn.T("text.price", ("most", most))
            : turn.T("text.used_up");
        var intro = turn.T(fresh ? "text.new" : "text.intro", ("model", model.Name))
            + "\n" + turn.T(model.AcceptsImages ? "text.files" : "text.files_no_images")
            + "\n\n" + price;
        turn.State = state.At();
        await chat.ShowAsync(turn, new Screen(intro, [[new Button(turn.T("btn.text_earlier"), Earlier)], Keyboards.MenuOnly(turn)]), ct).ConfigureAwait(false);
        return Reply.Shown;
    }

    private async Task<Reply> EarlierAsync(Turn turn, CancellationToken ct)
    {
        var calls = (await metered.RecentAsync(turn.User.Id, TextAnswers.Purpose, 10, ct).ConfigureAwait(false)).Where(c => c.Answer is not null).ToList();
        var rows = calls.Select(c => (IReadOnlyList<Button>)[new Button(TelegramLimits.Fit($"🕘 {c.CreatedAt:dd.MM} {c.Prompt.ReplaceLineEndings(" ")}", TelegramLimits.ButtonText), ResumePrefix + c.Id)]).ToList();
        rows.Add([new Button(turn.T("btn.text_new"), New)]);
        rows.Add(Keyboards.MenuOnly(turn));
        turn.State = (TextState.From(turn.State) ?? TextState.New()).At();
        await chat.ShowAsync(turn, new Screen(turn.T(calls.Count == 0 ? "text.none_earlier" : "text.earlier"), rows), ct).ConfigureAwait(false);
        return Reply.Shown;
    }
}
