using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
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
            await h.PressDataAsync(user, BrowseFeature.Page(page));
        }

        await h.PressDataAsync(user, mode.Model.CallbackData);
        await h.PressDataAsync(user, mode.CallbackData);
    }

    public static async Task<Seen> StateAsync(BotHarness h, Updates user) =>
        Seen.Of(FlowState.Parse((await h.Store.Conversations.GetAsync(user.UserId))?.State));

    /// <summary>Answers every question until the summary.</summary>
    public static async Task AnswerAllAsync(BotHarness h, Updates user, ModeDescriptor mode, string prompt = "A red fox running through snow")
    {
        for (var guard = 0; guard < 30; guard++)
        {
            var state = await StateAsync(h, user);
            if (state.Step == At.Summary)
            {
                return;
            }

            Assert.Equal(At.Form, state.Step);
            var param = mode.FindParam(state.Asking!)!;
            await AnswerAsync(h, user, param, state, prompt);
        }

        Assert.Fail("the form never reached the summary");
    }

    public static async Task AnswerAsync(BotHarness h, Updates user, ParamDescriptor param, Seen state, string prompt)
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
                await h.PressDataAsync(user, FormButtons.Next);
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

    private static async Task SendFilesAsync(BotHarness h, Updates user, ParamDescriptor param, Seen state, Func<string, System.Text.Json.Nodes.JsonObject> update)
    {
        var id = $"file-{param.Name}-{Guid.NewGuid():N}";
        h.Api.AddFile(id, Jpeg);
        await h.SendAsync(update(id));
        if (param.IsList && (await StateAsync(h, user)).Asking == param.Name && h.ScreenOf(user).Buttons.Any(b => b.Data == FormButtons.Done))
        {
            await h.PressDataAsync(user, FormButtons.Done);
        }
    }
}

/// <summary>Where a user's saved conversation is, read as a test sees it: <see cref="At"/> names the screen.</summary>
internal sealed record Seen(FlowState State)
{
    /// <summary>The screen: "" on the menu, else "feature:step".</summary>
    public string Step => State.Feature is null ? At.Menu : $"{State.Feature}:{State.Step}";

    public FormState? Form => FormState.From(State);

    public string? Asking => Form?.Asking;

    public Dictionary<string, string> Values => Form?.Values ?? new(StringComparer.Ordinal);

    public string? Summary => Form?.Summary;

    /// <summary>The model of the form, or of the open model card.</summary>
    public string? Model => Form?.Model ?? BrowseState.From(State)?.Model;

    public static Seen Of(FlowState state) => new(state);
}

/// <summary>The screens tests look for.</summary>
internal static class At
{
    public const string Menu = "";
    public const string Category = "browse:category";
    public const string Model = "browse:model";
    public const string Form = "form:asking";
    public const string Settings = "form:settings";
    public const string Summary = "form:summary";
    public const string Submitted = "form:submitted";
}
