using KieBot.Generations;
using KieCatalog;
using KieCatalog.Chat;
using KieCatalog.Fake;
using Microsoft.Extensions.Logging.Abstractions;

namespace KieBot.Tests.Generations;

public sealed class MeteredChatTests : SqliteTrackerTest
{
    private static readonly ChatTokenPrice Price = new(300m, 1500m);

    private MeteredChat Chat => new(Store, Kie, NullLogger<MeteredChat>.Instance);

    private static MeteredChatCall Call(string prompt, int maxTokens = 400) =>
        new("coach", 5, 5, "t:5", prompt, new ChatRequest(ChatModels.Gemini2_5Flash, [ChatMessage.User(prompt)]) { MaxTokens = maxTokens, System = "Rewrite the prompt." })
        {
            Price = Price,
        };

    [Fact]
    public async Task A_streamed_call_charges_exactly_its_usage_at_the_price_and_releases_the_rest()
    {
        await Store.Ledger.GrantAsync(5, Credits.Whole(10), "g:5", GrantReason.Bonus);
        var seen = new List<string>();
        var call = Call("a red fox in deep snow at dawn");

        var result = await Chat.RunAsync(call, (text, _) => { seen.Add(text); return ValueTask.CompletedTask; }, default);

        Assert.Equal(MeteredChatStatus.Answered, result.Status);
        Assert.True(seen.Count > 3);
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Equal(result.Text, seen[^1]);
        var expected = Credits.From(Price.Credits(result.Usage!));
        Assert.Equal(expected, result.Charged);
        Assert.True(expected < MeteredChat.UpperBound(call.Request, Price));
        Assert.Equal(new Balance(5, Credits.Whole(10) - expected, Credits.Zero), await Store.Ledger.GetBalanceAsync(5));
        var row = await Store.MeteredCalls.GetAsync(result.CallId);
        Assert.Equal((MeteredCallState.Settled, result.Usage!.InputTokens, result.Usage.OutputTokens), (row!.State, row.InputTokens!.Value, row.OutputTokens!.Value));
    }

    [Fact]
    public async Task A_call_KIE_refuses_is_released_and_a_user_who_cannot_afford_the_bound_calls_nothing()
    {
        await Store.Ledger.GrantAsync(5, Credits.Whole(10), "g:5", GrantReason.Bonus);
        Kie.FailNextChat(500);

        var failed = await Chat.RunAsync(Call("a fox"), (_, _) => ValueTask.CompletedTask, default);
        var tooDear = await Chat.RunAsync(Call("a fox", maxTokens: 8_000_000), (_, _) => ValueTask.CompletedTask, default);

        Assert.Equal(MeteredChatStatus.Failed, failed.Status);
        Assert.Equal(MeteredCallState.Refunded, (await Store.MeteredCalls.GetAsync(failed.CallId))!.State);
        Assert.Equal(MeteredChatStatus.Insufficient, tooDear.Status);
        Assert.Single(Kie.Chats);
        Assert.Equal(new Balance(5, Credits.Whole(10), Credits.Zero), await Store.Ledger.GetBalanceAsync(5));
    }

    [Fact]
    public async Task A_chat_that_cannot_show_the_answer_releases_the_reservation_at_once()
    {
        await Store.Ledger.GrantAsync(5, Credits.Whole(10), "g:5", GrantReason.Bonus);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Chat.RunAsync(Call("a fox"), (_, _) => throw new InvalidOperationException("chat gone"), default));

        var row = Assert.Single(await Store.MeteredCalls.ListByUserAsync(5, "coach", 10));
        Assert.Equal((MeteredCallState.Refunded, nameof(InvalidOperationException)), (row.State, row.Error));
        Assert.Equal(new Balance(5, Credits.Whole(10), Credits.Zero), await Store.Ledger.GetBalanceAsync(5));
    }

    [Fact]
    public async Task Free_calls_cost_nothing_within_the_allowance_and_then_the_price_applies()
    {
        await Store.Ledger.GrantAsync(5, Credits.Whole(10), "g:5", GrantReason.Bonus);
        var call = Call("a fox") with { FreeDaily = 1, FreeDay = "2026-12-02" };

        var free = await Chat.RunAsync(call, (_, _) => ValueTask.CompletedTask, default);
        var paid = await Chat.RunAsync(call, (_, _) => ValueTask.CompletedTask, default);
        var none = await Chat.RunAsync(call with { Price = null }, (_, _) => ValueTask.CompletedTask, default);

        Assert.Equal((true, Credits.Zero), (free.Free, free.Charged));
        Assert.Equal((false, Credits.From(Price.Credits(paid.Usage!))), (paid.Free, paid.Charged));
        Assert.Equal(MeteredChatStatus.NotAvailable, none.Status);
        Assert.Equal(new Balance(5, Credits.Whole(10) - paid.Charged, Credits.Zero), await Store.Ledger.GetBalanceAsync(5));
    }

    [Fact]
    public async Task The_sweep_captures_an_answer_a_dead_host_kept_and_refunds_a_call_that_never_got_one_once_each()
    {
        await Store.Ledger.GrantAsync(5, Credits.Whole(10), "g:5", GrantReason.Bonus);
        MeteredCall Row(string id) => new()
        {
            Id = id, UserId = 5, ChatId = 5, Purpose = "coach", Thread = "t:5", ChatModel = "gemini-2.5-flash", Prompt = "p",
            ReservationKey = "chat:" + id, Reserved = Credits.Whole(2),
        };
        await Store.MeteredCalls.StartReservedAsync(Row("answered"));
        await Store.MeteredCalls.AnswerAsync("answered", 40, 60, Credits.From(0.75m), "kept");
        await Store.MeteredCalls.StartReservedAsync(Row("silent"));
        var sweeper = new MeteredCallSweeper(Store, Time, NullLogger<MeteredCallSweeper>.Instance);

        Assert.Equal(1, await sweeper.SweepOnceAsync(default));
        Assert.Equal(new Balance(5, Credits.From(7.25m), Credits.Whole(2)), await Store.Ledger.GetBalanceAsync(5));
        Time.Advance(sweeper.StaleAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sweeper.SweepOnceAsync(default));
        Assert.Equal(0, await sweeper.SweepOnceAsync(default));

        Assert.Equal(new Balance(5, Credits.From(9.25m), Credits.Zero), await Store.Ledger.GetBalanceAsync(5));
        Assert.True((await Store.Ledger.CheckAsync()).IsConsistent);
    }

    [Fact]
    public async Task The_same_update_run_twice_calls_KIE_and_charges_once()
    {
        await Store.Ledger.GrantAsync(5, Credits.Whole(10), "g:5", GrantReason.Bonus);
        var call = Call("a red fox") with { Key = "coach:5:9001" };

        var first = await Chat.RunAsync(call, (_, _) => ValueTask.CompletedTask, default);
        var again = await Chat.RunAsync(call, (_, _) => ValueTask.CompletedTask, default);
        var other = await Chat.RunAsync(call with { Key = "coach:5:9002" }, (_, _) => ValueTask.CompletedTask, default);

        Assert.Equal((MeteredChatStatus.Answered, MeteredChatStatus.AlreadyAsked, MeteredChatStatus.Answered), (first.Status, again.Status, other.Status));
        Assert.Equal((first.CallId, first.Text), (again.CallId, again.Text));
        Assert.Equal(2, Kie.Chats.Count);
        Assert.Equal(new Balance(5, Credits.Whole(10) - first.Charged - other.Charged, Credits.Zero), await Store.Ledger.GetBalanceAsync(5));
    }
}
