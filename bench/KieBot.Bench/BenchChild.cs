using System.Diagnostics;

namespace KieBot.Bench;

/// <summary>
/// This benchmark executable re-launched with a hidden sub-command, so that a fake service or a load generator runs in
/// its own process (its CPU is not the measured host's). Commands go by stdin lines; replies are stdout lines that begin
/// with <c>@</c> (anything else the child prints is skipped).
/// </summary>
internal sealed class BenchChild : IDisposable
{
    private readonly Process process;

    private BenchChild(Process process) => this.process = process;

    public static BenchChild Start(string command)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(BenchChild).Assembly.Location}\" {command}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return new BenchChild(Process.Start(start) ?? throw new InvalidOperationException($"could not start the '{command}' child"));
    }

    /// <summary>Sends one command line.</summary>
    public async Task SendAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The next reply line, without its <c>@</c>.</summary>
    public async Task<string> ReadAsync()
    {
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith('@'))
            {
                return line[1..];
            }
        }

        throw new InvalidOperationException("the benchmark child ended without a reply");
    }

    /// <summary>Closes the child's stdin (its signal to stop) and waits for it to end.</summary>
    public async Task StopAsync()
    {
        process.StandardInput.Close();
        await process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Writes a reply line (in the child).</summary>
    public static void Reply(string line)
    {
        Console.Out.WriteLine("@" + line);
        Console.Out.Flush();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
