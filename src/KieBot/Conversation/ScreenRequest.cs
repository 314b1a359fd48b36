using KieCatalog.Catalog;

namespace KieBot.Conversation;

/// <summary>
/// A screen one feature asks for and another shows (<see cref="Reply.Open"/>): the contract between features lives
/// here, so neither references the other. Each request type is shown by exactly one feature (<see cref="IFeature.Screens"/>;
/// the router refuses a second at start-up).
/// </summary>
public abstract record ScreenRequest;

/// <summary>The main menu, headed by text <paramref name="TextKey"/> ("welcome", "menu", "cancelled").</summary>
public sealed record MenuScreen(string TextKey = "menu") : ScreenRequest;

/// <summary>The help text.</summary>
public sealed record HelpScreen : ScreenRequest;

/// <summary>Page <paramref name="Page"/> of a category's models.</summary>
public sealed record CategoryScreen(ModelCategory Category, int Page) : ScreenRequest;

/// <summary>A model's card, reached from page <paramref name="Page"/> of its category.</summary>
public sealed record ModelScreen(ModelDescriptor Model, int Page) : ScreenRequest;

/// <summary>
/// The form of <paramref name="Mode"/>: from the start (no values), or with <paramref name="Values"/> (a repeat) straight
/// to the summary, or asking the prompt first (<paramref name="AskPrompt"/>). <paramref name="Page"/> is the category page
/// the user came from (the way back).
/// </summary>
public sealed record FormScreen(ModeDescriptor Mode, IReadOnlyDictionary<string, string> Values, bool AskPrompt = false, int Page = 0, string? Parent = null) : ScreenRequest
{
    public static FormScreen Start(ModeDescriptor mode, int page) => new(mode, new Dictionary<string, string>(StringComparer.Ordinal), Page: page);

    /// <summary>The prompt <see cref="AskPrompt"/> asks: the mode's first text parameter (null: the mode has none).</summary>
    public static ParamDescriptor? PromptOf(ModeDescriptor mode) => mode.Params.FirstOrDefault(p => p.Kind == ParamKind.Text);
}

/// <summary>The user's earlier questions on the Text shelf (its chat calls), each with its answer and its conversation to continue.</summary>
public sealed record ChatHistoryScreen : ScreenRequest
{
    /// <summary>The purpose the Text shelf's metered calls are recorded under.</summary>
    public const string Purpose = "text";
}
