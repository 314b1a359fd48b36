using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Tests.Storage;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>A new user goes from /start to a confirmed generation for one mode of each input shape in the catalog.</summary>
[Collection("postgres")]
public sealed class GenerationFlowTests(PostgresFixture postgres)
{
    public static TheoryData<string, string> Shapes()
    {
        var visible = Models.AllModes.Where(m => m.IsVisible).ToList();
        ModeDescriptor Pick(Func<ModeDescriptor, bool> match) => visible.First(match);
        static bool Only(ModeDescriptor m, params ParamKind[] kinds) => FormDriver.Asked(m).All(p => kinds.Contains(p.Kind));
        static bool Has(ModeDescriptor m, ParamKind kind) => FormDriver.Asked(m).Any(p => p.Kind == kind);
        return new TheoryData<string, string>
        {
            { "prompt only", Pick(m => Only(m, ParamKind.Text, ParamKind.String) && FormDriver.Asked(m).Any()).Key },
            { "image + prompt", Pick(m => Has(m, ParamKind.Image) && Has(m, ParamKind.Text)).Key },
            { "several images", Pick(m => Has(m, ParamKind.ImageList) && m.FindParam(FormDriver.Asked(m).First(p => p.Kind == ParamKind.ImageList).Name)!.MaxItems > 1).Key },
            { "video", Pick(m => Has(m, ParamKind.Video)).Key },
            { "audio", Pick(m => Has(m, ParamKind.Audio)).Key },
            { "boolean and enum", Pick(m => Has(m, ParamKind.Boolean) && m.Params.Any(p => p.Kind == ParamKind.Enum)).Key },
        };
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_new_user_reaches_a_confirmed_generation(string shape, string key)
    {
        var mode = Models.AllModes.Single(m => m.Key == key);
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(4_200 + shape.Length);

        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        Assert.Contains("Price:", h.Screen.Text, StringComparison.Ordinal);
        await h.ConfirmAsync(user);

        var generation = await TrackingTests.WaitForCreateAsync(h, Assert.Single(await h.Store.Generations.ListByUserAsync(user.UserId, 10)).Id);
        var created = Assert.Single(h.Kie.Tasks.Values);
        Assert.Equal(mode.KieModel, created.Mode.KieModel);
        Assert.Equal(created.Id, generation.KieTaskId);
        Assert.False(generation.DryRun);
        var balance = await h.Store.Ledger.GetBalanceAsync(user.UserId);
        Assert.Equal(generation.Price, balance.Reserved);
        Assert.Equal(Credits.Whole(500) - generation.Price, balance.Available);
        Assert.Contains("started", h.Screen.Text, StringComparison.Ordinal);
        if (FormDriver.Asked(mode).Any(p => p.IsUpload))
        {
            Assert.Contains(h.Kie.Requests, r => r.Path.StartsWith("/api/file-stream-upload", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Settings_change_an_enum_and_the_price_follows()
    {
        var mode = Models.Kling2_6.TextToVideo;
        await using var h = await BotHarness.StartAsync(postgres.Server);
        var user = new Updates(4_300);
        await FormDriver.OpenAsync(h, user, mode);
        await FormDriver.AnswerAllAsync(h, user, mode);
        var before = h.Screen.Text;

        await h.PressDataAsync(user, FormButtons.Settings);
        var duration = mode.Params.ToList().FindIndex(p => p.Name == "duration");
        await h.PressDataAsync(user, FormButtons.Ask(duration));
        await h.PressDataAsync(user, mode.FindParam("duration")!.FindValue("10")!.CallbackData);

        Assert.Equal(At.Summary, (await FormDriver.StateAsync(h, user)).Step);
        Assert.NotEqual(before, h.Screen.Text);
        Assert.Contains("Duration, s: 10", h.Screen.Text, StringComparison.Ordinal);
    }
}
