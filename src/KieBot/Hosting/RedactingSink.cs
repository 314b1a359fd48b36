using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace KieBot.Hosting;

/// <summary>Writes log events through a formatter, replacing every configured secret with <c>***</c> in the rendered text.</summary>
public sealed class RedactingSink(TextWriter output, IReadOnlyList<string> secrets, ITextFormatter? formatter = null) : ILogEventSink
{
    private readonly ITextFormatter formatter = formatter ?? new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
    private readonly Lock gate = new();

    public void Emit(LogEvent logEvent)
    {
        using var buffer = new StringWriter();
        formatter.Format(logEvent, buffer);
        var text = buffer.ToString();
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        lock (gate)
        {
            output.Write(text);
            output.Flush();
        }
    }
}
