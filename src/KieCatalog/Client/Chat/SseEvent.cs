namespace KieCatalog.Client.Chat;

/// <summary>One server-sent event: its <c>event:</c> name (null when none), its <c>data:</c> lines joined, and the line it ended on.</summary>
internal sealed record SseEvent(string? Name, string Data, int Line);
