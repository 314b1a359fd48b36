namespace KieBot.Tests.Storage;

public abstract partial class StoreContract
{
    public static TheoryData<string> HostileStrings() => new(
        "O'Brien said \"hi\" `and` \\left",
        "'; DROP TABLE users; --",
        "nul\0inside\0",
        "🦊🔥 лиса 狐狸 ‮rtl",
        "\u0001b64:bm90IGVuY29kZWQ=",
        new string('ж', 5_000) + new string('x', 5_000));

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public async Task Hostile_text_is_stored_and_read_back_exactly(string text)
    {
        await using var store = await NewStoreAsync();

        var user = await store.Users.TouchAsync(5, text, "ru");
        await store.Conversations.SaveAsync(5, text);
        await store.Settings.SetAsync(text, text);
        await store.Errors.AddAsync("kie", "Unknown", text, text, text);
        var key = text.Length <= 200 ? text : text[..200];
        await store.Ledger.GrantAsync(5, Credits.Whole(1), key, GrantReason.Admin, note: text);
        await store.Generations.CreateAsync(NewGeneration("h") with { InputJson = text, ErrorMessage = text });
        await store.Generations.MoveAsync("h", GenerationState.Failed, new GenerationChange { ErrorCode = text, ResultText = text });
        var (payment, _) = await store.Payments.RecordAsync(new Payment("h", text, text, 5, 1, "XTR", Credits.Whole(1), PaymentStatus.Paid, text, default, default));

        Assert.Equal(text, user.Username);
        Assert.Equal(text, (await store.Users.GetAsync(5))!.Username);
        Assert.Equal(text, (await store.Conversations.GetAsync(5))!.State);
        Assert.Equal(text, await store.Settings.GetAsync(text));
        var error = Assert.Single(await store.Errors.RecentAsync(DateTimeOffset.MinValue, 10));
        Assert.Equal((text, text, text), (error.Code, error.Message, error.Context));
        var entry = (await store.Ledger.FindAsync(key))!;
        Assert.Equal((key, text), (entry.Key, entry.Note));
        var generation = (await store.Generations.GetAsync("h"))!;
        Assert.Equal((text, text, text, text), (generation.InputJson, generation.ErrorMessage, generation.ErrorCode, generation.ResultText));
        Assert.Equal((text, text, text), (payment.Provider, payment.ExternalChargeId, payment.Payload));
        Assert.Equal(1, await store.Users.CountAsync());
    }
}
