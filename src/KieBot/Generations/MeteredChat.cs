using System.Text;
using KieBot.Storage;
using KieCatalog.Chat;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Logging;

namespace KieBot.Generations;

/// <summary>
/// One chat call billed by usage. <see cref="Price"/> is the user's price per million tokens (KIE's × the markup);
/// null when only the free allowance pays. <see cref="FreeDaily"/> calls a day of <see cref="Purpose"/> cost nothing.
/// </summary>
public sealed record MeteredChatCall(string Purpose, long UserId, long ChatId, string Thread, string Prompt, ChatRequest Request)
{
    /// <summary>
    /// What asked for the call (the update a press or message came in): a second run with the same key — Telegram
    /// redelivering an update another host still streams — neither calls KIE nor charges again. Null: every run is a call.
    /// </summary>
    public string? Key { get; init; }

    public ChatTokenPrice? Price { get; init; }

    public int FreeDaily { get; init; }

    public string FreeDay { get; init; } = "";

    public bool DryRun { get; init; }
}

public enum MeteredChatStatus
{
    /// <summary>KIE answered; the usage is charged (or the call was free).</summary>
    Answered,

    /// <summary>The user cannot afford the upper bound: nothing was called or charged.</summary>
    Insufficient,

    /// <summary>No free call left and no price to charge: nothing was called.</summary>
    NotAvailable,

    /// <summary>KIE refused or the stream broke: the reservation was released.</summary>
    Failed,

    /// <summary>The call's key was already run (a redelivered update): nothing was called or charged again.</summary>
    AlreadyAsked,
}

/// <summary>How a metered call ended: the answer, what it used and cost, or why it did not happen.</summary>
public sealed record MeteredChatResult(MeteredChatStatus Status, string CallId, string Text, ChatUsage? Usage, Credits Charged, bool Free, KieError? Error = null);

/// <summary>
/// Calls a chat model with money handled as for any metered call: the upper bound (the prompt's size and the output
/// limit, priced) reserved and the call recorded in one transaction, the answer streamed to <c>onText</c>, the answer kept
/// with its usage and price before the capture, then the capture of exactly that price with the rest released. A call
/// KIE refused is released; a host that dies on the way leaves a row <see cref="MeteredCallSweeper"/> settles once.
/// </summary>
public sealed partial class MeteredChat(IBotStore store, IKieChat chat, ILogger<MeteredChat> logger)
{
    /// <summary>Tokens an image may count at most in KIE's chat models (a high-detail tile set; a safe bound).</summary>
    public const int ImageTokenBound = 2_000;

    /// <summary>Tokens a message's framing (role, separators) may add.</summary>
    public const int MessageTokenBound = 8;

    /// <summary>
    /// The most input tokens the request can count: every text's UTF-8 bytes (a token is at least one byte) plus the
    /// framing of each message and a bound per image.
    /// </summary>
    public static int InputTokenBound(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bound = Encoding.UTF8.GetByteCount(request.System ?? string.Empty) + MessageTokenBound;
        foreach (var message in request.Messages)
        {
            bound += Encoding.UTF8.GetByteCount(message.Text) + MessageTokenBound + (message.Images.Count * ImageTokenBound);
        }

        return bound;
    }

    /// <summary>What the call can cost at most at <paramref name="price"/>: the input bound and the request's output limit.</summary>
    public static Credits UpperBound(ChatRequest request, ChatTokenPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var output = request.MaxTokens ?? throw new ArgumentException("A metered call sets MaxTokens: its output bounds the reservation.", nameof(request));
        return Credits.Ceiling(price.Credits(InputTokenBound(request), output));
    }

    /// <summary>Free calls of <paramref name="purpose"/> the user has left on <paramref name="day"/> out of <paramref name="daily"/>.</summary>
    public async Task<int> FreeLeftAsync(string purpose, long userId, string day, int daily, CancellationToken ct) =>
        daily <= 0 ? 0 : Math.Max(0, daily - await store.MeteredCalls.CountFreeAsync(userId, purpose, day, ct).ConfigureAwait(false));

    /// <summary>The newest <paramref name="turns"/> answered calls of a thread as the conversation so far, oldest first.</summary>
    public async Task<IReadOnlyList<ChatMessage>> ThreadAsync(long userId, string thread, int turns, CancellationToken ct) =>
        [.. (await store.MeteredCalls.ListThreadAsync(userId, thread, turns, ct).ConfigureAwait(false))
            .SelectMany(c => new[] { ChatMessage.User(c.Prompt), ChatMessage.Assistant(c.Answer ?? string.Empty) })];

    /// <summary>The user's calls of <paramref name="purpose"/>, newest first.</summary>
    public Task<IReadOnlyList<MeteredCall>> RecentAsync(long userId, string purpose, int limit, CancellationToken ct) =>
        store.MeteredCalls.ListByUserAsync(userId, purpose, limit, 0, ct);

    /// <summary>One call of the user's (null when it is not theirs).</summary>
    public async Task<MeteredCall?> FindAsync(long userId, string id, CancellationToken ct) =>
        await store.MeteredCalls.GetAsync(id, ct).ConfigureAwait(false) is { } call && call.UserId == userId ? call : null;

    /// <summary>The day (yyyy-MM-dd) free calls count against, in <paramref name="zone"/>.</summary>
    public static string Day(DateTimeOffset now, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<MeteredChatResult> RunAsync(MeteredChatCall call, Func<string, CancellationToken, ValueTask> onText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(onText);
        var id = call.Key is { } key ? KeyedId(key) : Guid.NewGuid().ToString("N");
        if (call.Key is not null && await store.MeteredCalls.GetAsync(id, ct).ConfigureAwait(false) is { } earlier)
        {
            return new MeteredChatResult(MeteredChatStatus.AlreadyAsked, id, earlier.Answer ?? string.Empty, null, Credits.Zero, Free: earlier.FreeDay is not null);
        }

        var row = new MeteredCall
        {
            Id = id, UserId = call.UserId, ChatId = call.ChatId, Purpose = call.Purpose, Thread = call.Thread,
            ChatModel = call.Request.Mode.Id, Prompt = call.Prompt, DryRun = call.DryRun,
        };
        var free = call.FreeDaily > 0 && await store.MeteredCalls.StartFreeAsync(row with { FreeDay = call.FreeDay }, call.FreeDaily, ct).ConfigureAwait(false);
        if (!free)
        {
            if (call.Price is not { } price)
            {
                return new MeteredChatResult(MeteredChatStatus.NotAvailable, id, string.Empty, null, Credits.Zero, Free: false);
            }

            var reserve = await store.MeteredCalls.StartReservedAsync(row with { ReservationKey = "chat:" + id, Reserved = UpperBound(call.Request, price) }, ct).ConfigureAwait(false);
            if (!reserve.Succeeded)
            {
                return new MeteredChatResult(MeteredChatStatus.Insufficient, id, string.Empty, null, Credits.Zero, Free: false);
            }
        }

        var text = new StringBuilder();
        ChatUsage? usage = null;
        try
        {
            await foreach (var delta in chat.StreamChatAsync(call.Request, ct).ConfigureAwait(false))
            {
                usage = delta.Usage ?? usage;
                if (delta.Text.Length > 0)
                {
                    text.Append(delta.Text);
                    await onText(text.ToString(), ct).ConfigureAwait(false);
                }
            }
        }
        catch (KieException e)
        {
            LogFailed(id, e.Error.Kind, e.Error.Detail);
            await store.MeteredCalls.RefundAsync(id, e.Error.Kind.ToString(), CancellationToken.None).ConfigureAwait(false);
            return new MeteredChatResult(MeteredChatStatus.Failed, id, text.ToString(), null, Credits.Zero, free, e.Error);
        }
        catch (OperationCanceledException)
        {
            await store.MeteredCalls.RefundAsync(id, "cancelled", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            // Showing the answer failed (the chat went away mid-stream): the reservation is not held until a sweep.
            await store.MeteredCalls.RefundAsync(id, e.GetType().Name, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        // KIE always reports usage; an answer without it is counted at the bound of what was sent and what came back.
        var used = usage ?? new ChatUsage(InputTokenBound(call.Request), Encoding.UTF8.GetByteCount(text.ToString()));
        var charge = free || call.Price is null ? Credits.Zero : Credits.From(call.Price.Credits(used));
        var answered = await store.MeteredCalls.AnswerAsync(id, used.InputTokens, used.OutputTokens, charge, text.ToString(), CancellationToken.None).ConfigureAwait(false);
        if (!answered)
        {
            // A sweep took the call for one that died (it outlived the sweep's patience): it was refunded, nothing is charged.
            return new MeteredChatResult(MeteredChatStatus.Answered, id, text.ToString(), used, Credits.Zero, free);
        }

        try
        {
            var settled = await store.MeteredCalls.SettleAsync(id, CancellationToken.None).ConfigureAwait(false);
            return new MeteredChatResult(MeteredChatStatus.Answered, id, text.ToString(), used, settled?.Entry?.Amount ?? Credits.Zero, free);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer and its price are kept: the sweep captures it once the database is back.
            LogSettleDeferred(id, e.Message);
            return new MeteredChatResult(MeteredChatStatus.Answered, id, text.ToString(), used, charge, free);
        }
    }

    /// <summary>A call id from its key: 32 hex digits of its SHA-256, so one key is one row (and one reservation key).</summary>
    private static string KeyedId(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metered chat call {Id} answered; its capture is left to the sweep: {Reason}")]
    private partial void LogSettleDeferred(string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metered chat call {Id} failed: {Kind} {Detail}")]
    private partial void LogFailed(string id, KieErrorKind kind, string detail);
}
