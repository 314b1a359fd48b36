using KieBot.Hosting.Commands;

namespace KieBot.Tests.Features.Payments.Bank;

/// <summary><c>check</c> sees the bank transfer's own settings, though only the feature reads them.</summary>
public sealed class BankSettingsCheckTests
{
    [Fact]
    public async Task Bank_details_without_an_admin_fail_the_check()
    {
        var env = new Dictionary<string, string?> { ["BANK_TRANSFER_DETAILS"] = "IBAN XX00 0000" };
        var output = new StringWriter();

        var code = await CheckCommand.RunAsync(name => env.GetValueOrDefault(name), output, json: false);

        Assert.Equal(1, code);
        Assert.Contains("FAIL  configuration: BANK_TRANSFER_DETAILS needs ADMIN_ID", output.ToString(), StringComparison.Ordinal);
    }
}
