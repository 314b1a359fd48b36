using KieBot.Flows;
using KieBot.TestSupport.Telegram;
using KieCatalog;
using KieCatalog.Catalog;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

/// <summary>Drives a user through the bot the way a person would: from /start to a mode, then answering each question.</summary>
internal static class FormDriver
{
    private static readonly byte[] Jpeg = Convert.FromBase64String("/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z");

    public static IEnumerable<ParamDescriptor> Asked(ModeDescriptor mode) => mode.Params.Where(p => p.IsAskedFirst);

    /// <summary>/start → category (paging as needed) → model → mode.</summary>
    public static async Task OpenAsync(BotHarness h, Updates user, ModeDescriptor mode)
    {
        await h.SendAsync(user.Text("/start"));
        await h.PressDataAsync(user, CatalogCallbacks.For(mode.Model.Category));
        for (var page = 1; h.ScreenOf(user).Buttons.All(b => b.Data != mode.Model.CallbackData); page++)
        {
            await h.PressDataAsync(user, BotCallbacks.Page(page));
        }

        await h.PressDataAsync(user, mode.Model.CallbackData);
        await h.PressDataAsync(user, mode.CallbackData);
    }

    public static async Task<FlowState> StateAsync(BotHarness h, Updates user) =>
        FlowState.Parse((await h.Store.Conversations.GetAsync(user.UserId))?.State);

    /// <summary>Answers every question until the summary.</summary>
    public static async Task AnswerAllAsync(BotHarness h, Updates user, ModeDescriptor mode, string prompt = "A red fox running through snow")
    {
        for (var guard = 0; guard < 30; guard++)
        {
            var state = await StateAsync(h, user);
            if (state.Step == FlowStep.Summary)
            {
                return;
            }

            Assert.Equal(FlowStep.Form, state.Step);
            var param = mode.FindParam(state.Asking!)!;
            await AnswerAsync(h, user, param, state, prompt);
        }

        Assert.Fail("the form never reached the summary");
    }

    public static async Task AnswerAsync(BotHarness h, Updates user, ParamDescriptor param, FlowState state, string prompt)
    {
        switch (param.Kind)
        {
            case ParamKind.Text or ParamKind.String:
                await h.SendAsync(user.Text(param.MaxLength is { } max && max < prompt.Length ? prompt[..max] : prompt));
                break;
            case ParamKind.Integer or ParamKind.Number:
                await h.SendAsync(user.Text((param.Min ?? 1m).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case ParamKind.Boolean:
                await h.PressDataAsync(user, param.ToggleCallbackData!);
                await h.PressDataAsync(user, BotCallbacks.Next);
                break;
            case ParamKind.Enum:
                await h.PressDataAsync(user, param.Values[^1].CallbackData);
                break;
            case ParamKind.Image or ParamKind.ImageList:
                await SendFilesAsync(h, user, param, state, id => user.Photo(id));
                break;
            case ParamKind.Video or ParamKind.VideoList:
                await SendFilesAsync(h, user, param, state, id => user.Video(id));
                break;
            default:
                await SendFilesAsync(h, user, param, state, id => user.Audio(id));
                break;
        }
    }

    private static async Task SendFilesAsync(BotHarness h, Updates user, ParamDescriptor param, FlowState state, Func<string, System.Text.Json.Nodes.JsonObject> update)
    {
        var id = $"file-{param.Name}-{Guid.NewGuid():N}";
        h.Api.AddFile(id, Jpeg);
        await h.SendAsync(update(id));
        if (param.IsList && (await StateAsync(h, user)).Asking == param.Name && h.ScreenOf(user).Buttons.Any(b => b.Data == BotCallbacks.Done))
        {
            await h.PressDataAsync(user, BotCallbacks.Done);
        }
    }
}
