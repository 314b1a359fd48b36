using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;

namespace KieBot.Features.History;

/// <summary>
/// A follow-up button under a result (<c>fu:</c>): checked against the user's generation as it stands (theirs, finished,
/// young enough for KIE, not already upgraded past it) before anything is charged, then the follow-up's form with the
/// result filled in; the summary and the submission check it again.
/// </summary>
public sealed class FollowUpPress(IBotStore store, TimeProvider time)
{
    /// <summary>The most generations a chain shows (a chain is followed up from the newest).</summary>
    private const int ChainLimit = 20;

    public async Task<Reply> PressAsync(Turn turn, string data, CancellationToken ct)
    {
        if (!FollowUpTexts.TryParse(data, out var mode, out var output, out var parentId)
            || await store.Generations.GetAsync(parentId!, ct).ConfigureAwait(false) is not { } parent
            || parent.UserId != turn.User.Id
            || StoredMode.Of(parent) is not { } parentMode)
        {
            return Reply.Outdated;
        }

        var offer = FollowUps.Offers(parent, parentMode).FirstOrDefault(o => ReferenceEquals(o.Mode, mode) && (o.Output ?? 0) == output);
        var followUps = await store.Generations.ListFollowUpsAsync(parent.Id, ct).ConfigureAwait(false);
        var refusal = offer is null
            ? new FollowUpRefusal("followup.not_applicable", [("mode", mode!.Label)])
            : FollowUps.Refusal(offer.Mode, parent, followUps, time.GetUtcNow());
        return refusal is not null
            ? Reply.Alert(FollowUpTexts.Refusal(turn, refusal))
            : Reply.Open(new FormScreen(offer!.Mode, FollowUps.StartValues(parent, offer), Parent: parent.Id));
    }

    /// <summary>The generations a result continues, oldest first, ending with it.</summary>
    public static async Task<IReadOnlyList<Generation>> ChainAsync(IBotStore store, Generation generation, CancellationToken ct)
    {
        var chain = new List<Generation> { generation };
        while (chain.Count < ChainLimit && chain[^1].ParentId is { } parentId && await store.Generations.GetAsync(parentId, ct).ConfigureAwait(false) is { } parent)
        {
            chain.Add(parent);
        }

        chain.Reverse();
        return chain;
    }
}
