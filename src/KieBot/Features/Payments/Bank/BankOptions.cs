using System.Globalization;

namespace KieBot.Features.Payments.Bank;

/// <summary>Manual bank transfers: <c>BANK_TRANSFER_DETAILS</c> (off when unset; needs <c>ADMIN_ID</c>) and <c>BANK_TRANSFER_MAX_RUB</c>.</summary>
public sealed record BankOptions
{
    /// <summary>Where to send a bank transfer, shown to the user (null: bank transfers are off).</summary>
    public string? Details { get; init; }

    /// <summary>The largest bank transfer a receipt may claim, in roubles.</summary>
    public decimal MaxRubles { get; init; } = 100_000m;

    public static BankOptions Read(Func<string, string?> env, List<string> problems)
    {
        string? Text(string name) => env(name) is { Length: > 0 } value ? value.Trim() : null;
        var options = new BankOptions { Details = Text("BANK_TRANSFER_DETAILS")?.Replace("\\n", "\n", StringComparison.Ordinal) };
        if (options.Details is not null && Text("ADMIN_ID") is null)
        {
            problems.Add("BANK_TRANSFER_DETAILS needs ADMIN_ID: the admin approves every transfer");
        }

        if (Text("BANK_TRANSFER_MAX_RUB") is { } max)
        {
            if (decimal.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out var rubles) && rubles is >= 1m and <= 10_000_000m)
            {
                options = options with { MaxRubles = rubles };
            }
            else
            {
                problems.Add($"BANK_TRANSFER_MAX_RUB must be a number from 1 to 10000000 (got '{max}')");
            }
        }

        return options;
    }
}
