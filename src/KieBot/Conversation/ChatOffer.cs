using System.Globalization;
using KieBot.Storage;
using KieCatalog;
using KieCatalog.Chat;

namespace KieBot.Conversation;

/// <summary>
/// A chat model the operator put on offer for one purpose (the prompt coach, the Text shelf): read from
/// <c>&lt;PREFIX&gt;_MODEL</c> (a chat model id the client speaks), <c>&lt;PREFIX&gt;_PRICE</c> (KIE's credits per million input
/// / output tokens, as on the operator's KIE pricing page until the catalog carries one; a catalog price wins) and
/// <c>&lt;PREFIX&gt;_FREE_DAILY</c> (free calls per user per day). Off, with the reason in <see cref="Off"/>, without a model or
/// with neither a price nor an allowance. In a dry run it is on by default with the in-process fake chat: nothing is charged.
/// </summary>
public sealed record ChatOffer
{
    /// <summary>The model a dry run uses when none is set.</summary>
    public static ChatModeDescriptor DryRunModel => ChatModels.Gemini2_5Flash;

    /// <summary>Free calls a day a dry run offers when no allowance is set (the fake chat costs nothing).</summary>
    public const int DryRunFreeDaily = 100;

    /// <summary>What it is offered for (the text key of its name: <c>offer.coach</c>, <c>offer.text</c>).</summary>
    public required string Purpose { get; init; }

    /// <summary>The environment prefix its settings are read from (COACH, TEXT).</summary>
    public required string Prefix { get; init; }

    public ChatModeDescriptor? Model { get; init; }

    /// <summary>KIE's price of the model: the catalog's, else the operator's <c>_PRICE</c>; null when neither.</summary>
    public ChatTokenPrice? KiePrice { get; init; }

    public int FreeDaily { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Why it is not offered (null: it is), for the admin's catalog overview and <c>check</c>.</summary>
    public string? Off => Model is null ? $"{Prefix}_MODEL is not set (a chat model id: `catalog` lists them)"
        : KiePrice is null && FreeDaily == 0 ? $"{Model.Id} has no price in the catalog: set {Prefix}_PRICE (credits per million input/output tokens from your KIE pricing page) or {Prefix}_FREE_DAILY"
        : null;

    public bool IsOn => Off is null;

    /// <summary>The user's price per million tokens: KIE's × the markup; null when only the allowance pays.</summary>
    public ChatTokenPrice? UserPrice(Pricing pricing) =>
        KiePrice is { } kie ? new ChatTokenPrice(kie.InputCreditsPerMillion * pricing.Markup, kie.OutputCreditsPerMillion * pricing.Markup) : null;

    /// <summary>The most a call of <paramref name="inputTokens"/> in and <paramref name="outputTokens"/> out costs the user.</summary>
    public Credits? MostFor(Pricing pricing, int inputTokens, int outputTokens) =>
        UserPrice(pricing) is { } price ? Credits.Ceiling(price.Credits(inputTokens, outputTokens)) : null;

    /// <summary>One line for the admin's catalog overview and <c>check</c>: the model and its terms, or why it is off.</summary>
    public string Describe() => Off is { } off ? "off: " + off
        : $"{Model!.Name} ({Model.Id}), " + string.Join(", ", new[]
        {
            KiePrice is { } p ? string.Create(CultureInfo.InvariantCulture, $"KIE {p.InputCreditsPerMillion}/{p.OutputCreditsPerMillion} cr per million tokens in/out{(Model.Price is null ? " (" + Prefix + "_PRICE)" : "")}") : null,
            FreeDaily > 0 ? string.Create(CultureInfo.InvariantCulture, $"{FreeDaily} free a day") : null,
            DryRun ? "dry run: the fake chat, nothing charged" : null,
        }.OfType<string>());

    /// <summary>Reads the settings under <paramref name="prefix"/>; a bad value is a problem naming its variable.</summary>
    public static ChatOffer Read(string purpose, string prefix, Func<string, string?> env, bool dryRun, List<string> problems)
    {
        var reader = new SettingsReader(env, problems);
        ChatModeDescriptor? model = null;
        if (reader.Text(prefix + "_MODEL") is { } id)
        {
            model = ChatModels.Find(id);
            if (model is null || !model.IsSupported)
            {
                problems.Add($"{prefix}_MODEL: '{id}' is not a chat model the client speaks (OpenAI chat completions or Anthropic messages; `catalog` lists them)");
                model = null;
            }
        }

        var price = model?.Price ?? ReadPrice(reader.Text(prefix + "_PRICE"), prefix, problems);
        var free = (int)reader.Number(prefix + "_FREE_DAILY", 0, 0, 10_000);
        if (dryRun && model is null)
        {
            model = DryRunModel;
        }

        if (dryRun && price is null && free == 0)
        {
            free = DryRunFreeDaily;
        }

        return new ChatOffer { Purpose = purpose, Prefix = prefix, Model = model, KiePrice = price, FreeDaily = free, DryRun = dryRun };
    }

    private static ChatTokenPrice? ReadPrice(string? text, string prefix, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var input)
            && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var output)
            && input >= 0 && output >= 0 && input + output > 0)
        {
            return new ChatTokenPrice(input, output);
        }

        problems.Add($"{prefix}_PRICE must be <credits per million input tokens>/<credits per million output tokens>, e.g. 30/250 (got '{text}')");
        return null;
    }
}
