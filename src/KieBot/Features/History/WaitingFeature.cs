using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;

namespace KieBot.Features.History;

/// <summary>
/// The choice under a status message once a generation takes longer than its kind usually does: keep waiting (the
/// message goes on showing KIE's state), or be messaged when it is done (the status message lets go, and the result
/// or the failure arrives as a new message, which notifies). Another user's generation, or a forged id, is outdated.
/// </summary>
public sealed class WaitingFeature(IBotStore store, IChatSurface chat) : IFeature
{
    public string Name => "waiting";

    public IReadOnlyList<string> Buttons => [HistoryButtons.KeepWaitingPrefix, HistoryButtons.NotifyPrefix];

    public async Task<Reply> OnButtonAsync(Turn turn, string data, CancellationToken cancellationToken)
    {
        var notify = data.StartsWith(HistoryButtons.NotifyPrefix, StringComparison.Ordinal);
        var id = data[(notify ? HistoryButtons.NotifyPrefix : HistoryButtons.KeepWaitingPrefix).Length..];
        var generation = await store.Generations.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (generation is null || generation.UserId != turn.User.Id)
        {
            return Reply.Outdated;
        }

        if (!generation.State.IsInFlight())
        {
            return Reply.Alert(turn.T("gen.already_done"));
        }

        if (!notify)
        {
            return Reply.Alert(turn.T("gen.keep_waiting"));
        }

        if (!await store.Generations.DetachStatusMessageAsync(generation.Id, cancellationToken).ConfigureAwait(false))
        {
            return Reply.Alert(turn.T("gen.already_done"));
        }

        var mode = StoredMode.Of(generation);
        var text = turn.T("gen.will_notify", ("model", mode?.Model.Name ?? generation.ModelId), ("mode", mode?.Label.Get(turn.Language) ?? generation.ModeId));
        if (turn.Update.CallbackMessageId is { } pressed)
        {
            await chat.EditAsync(turn.ChatId, pressed, new Screen(text), cancellationToken).ConfigureAwait(false);
        }

        return Reply.Shown;
    }
}
