using System.Net;
using System.Text.RegularExpressions;
using KieBot.Hosting;

namespace KieBot.Tests.Features.Gallery;

/// <summary>The console chat prints a local gallery link with a development initData; the link opens the user's gallery, and a changed one does not.</summary>
public sealed partial class ConsoleGalleryTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kiebot-console-gallery-").FullName;

    [Fact]
    public async Task The_console_prints_a_local_gallery_link_that_opens_the_gallery()
    {
        var output = new StringWriter();
        var env = new Dictionary<string, string> { ["SQLITE_PATH"] = Path.Combine(folder, "bot.db"), ["PORT"] = KieBot.TestSupport.Hosting.LoopbackHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var input = new WhileRunning(output);

        var code = await BotRunner.RunAsync(name => env.GetValueOrDefault(name), input, output, new StringWriter());

        Assert.Equal(0, code);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized], input.Statuses);
        Assert.Contains("\"userId\":1", input.Me, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [GeneratedRegex(@"🖼 Gallery in a browser: (http://127\.0\.0\.1:\d+/gallery/)#tgWebAppData=(\S+)")]
    private static partial Regex Link();

    /// <summary>The console's input: while the chat runs, opens the printed link (the page, the API with its initData, a changed initData), then quits.</summary>
    private sealed class WhileRunning(StringWriter output) : TextReader
    {
        private bool asked;

        public List<HttpStatusCode> Statuses { get; } = [];

        public string Me { get; private set; } = string.Empty;

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (asked)
            {
                return null;
            }

            asked = true;
            var link = Link().Match(output.ToString());
            Assert.True(link.Success, output.ToString());
            using var http = new HttpClient { BaseAddress = new Uri(link.Groups[1].Value) };
            var initData = Uri.UnescapeDataString(link.Groups[2].Value);
            using (var page = await http.GetAsync(string.Empty, cancellationToken))
            {
                Statuses.Add(page.StatusCode);
            }

            foreach (var data in new[] { initData, initData.Replace("%22id%22%3A1", "%22id%22%3A2", StringComparison.Ordinal) })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
                request.Headers.TryAddWithoutValidation("Authorization", "tma " + data);
                using var response = await http.SendAsync(request, cancellationToken);
                Statuses.Add(response.StatusCode);
                Me = Me.Length == 0 ? await response.Content.ReadAsStringAsync(cancellationToken) : Me;
            }

            return "/quit";
        }
    }
}
