using KieBot.Conversation;

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
        var reader = new SettingsReader(env, problems);
        var options = new BankOptions
        {
            Details = reader.Text("BANK_TRANSFER_DETAILS")?.Replace("\\n", "\n", StringComparison.Ordinal),
            MaxRubles = reader.Number("BANK_TRANSFER_MAX_RUB", 100_000m, 1m, 10_000_000m),
        };
        if (options.Details is not null && reader.Text("ADMIN_ID") is null)
        {
            problems.Add("BANK_TRANSFER_DETAILS needs ADMIN_ID: the admin approves every transfer");
        }

        return options;
    }
}
