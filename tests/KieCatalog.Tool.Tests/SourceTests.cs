using System.Net;
using System.Text.Json.Nodes;

namespace KieCatalog.Tool.Tests;

/// <summary>Sources over HTTP, and a new parameter on a mode bot users already see.</summary>
public sealed class SourceTests : IDisposable
{
    private readonly ToolRun tool = new();

    [Fact]
    public async Task A_page_is_imported_from_an_http_url_and_a_missing_one_is_refused()
    {
        var page = await File.ReadAllBytesAsync(ToolRun.OpenApi("topaz-image-upscale.yaml"));
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                context.Response.StatusCode = context.Request.Url!.AbsolutePath == "/topaz.yaml" ? 200 : 404;
                if (context.Response.StatusCode == 200)
                {
                    await context.Response.OutputStream.WriteAsync(page);
                }

                context.Response.Close();
            }
        });

        var (code, output, error) = await tool.RunAsync("import", $"http://127.0.0.1:{port}/topaz.yaml", "--catalog", tool.CatalogPath);
        var missing = await tool.RunAsync("import", $"http://127.0.0.1:{port}/gone.yaml", "--catalog", tool.CatalogPath);
        await serving;

        Assert.True(code == 0, output + error);
        Assert.Contains(ImportTests.Modes(tool.Catalog), m => m["kieModel"]!.GetValue<string>() == "topaz/image-upscale");
        Assert.Equal(1, missing.Code);
        Assert.Equal($"http://127.0.0.1:{port}/gone.yaml(1,1): error: download failed: HTTP 404 Not Found", missing.Error.Trim());
    }

    [Fact]
    public async Task An_unlabelled_new_parameter_hides_a_visible_mode_until_it_is_finished_by_hand()
    {
        tool.Write("models.json", ImportTests.HandWritten);
        var page = File.ReadAllText(ToolRun.OpenApi("kling-2.6-image-to-video.yaml")).Replace(
            "                    sound:\n",
            "                    camera_motion:\n                      type: string\n                      enum:\n                      - pan\n                      - zoom\n                    sound:\n",
            StringComparison.Ordinal);

        var (code, output, error) = await tool.RunAsync("import", tool.Write("kling.yaml", page), "--catalog", tool.CatalogPath);

        Assert.True(code == 0, output + error);
        var mode = ImportTests.Modes(tool.Catalog).Single();
        Assert.Equal("imported 2026-11-24: new parameter 'camera_motion' needs en/ru labels", mode["hidden"]!.GetValue<string>());
        Assert.Equal("""{"type":"enum","values":["pan","zoom"]}""", mode["params"]!["camera_motion"]!.ToJsonString());
        Assert.Contains("~ kling-2.6/image-to-video: hidden until the new parameter is finished by hand", output, StringComparison.Ordinal);
        ImportTests.AssertBuildsClean(tool.Catalog);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => tool.Dispose();
}
