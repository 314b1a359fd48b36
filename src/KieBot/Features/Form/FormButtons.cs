using System.Globalization;

namespace KieBot.Features.Form;

/// <summary>The form's own button data (catalog buttons for enum values and toggles are the generated <c>CatalogCallbacks</c>).</summary>
public static class FormButtons
{
    /// <summary>The settings screen: every parameter, each pressable.</summary>
    public const string Settings = "settings";

    /// <summary>Back to the summary.</summary>
    public const string Summary = "summary";

    /// <summary>Leave the asked parameter at its default (or unset).</summary>
    public const string Skip = "skip";

    /// <summary>Keep the toggle as shown and go on.</summary>
    public const string Next = "next";

    /// <summary>Enough files for a list parameter.</summary>
    public const string Done = "done";

    /// <summary>Ask parameter number <c>n</c> of the mode again (from the settings screen).</summary>
    public const string AskPrefix = "ask:";

    /// <summary>Generate what summary <c>id</c> showed (<c>ok:&lt;id&gt;</c>): a press on any other summary buys nothing.</summary>
    public const string ConfirmPrefix = "ok:";

    public static IReadOnlyList<string> All { get; } = [Settings, Summary, Skip, Next, Done, AskPrefix, ConfirmPrefix];

    public static string Ask(int index) => AskPrefix + index.ToString(CultureInfo.InvariantCulture);

    public static string Confirm(string summaryId) => ConfirmPrefix + summaryId;

    /// <summary>A fresh summary id: 10 characters of [a-z0-9], random.</summary>
    public static string NewSummaryId() => string.Create(10, 0, static (span, _) =>
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
    });
}
