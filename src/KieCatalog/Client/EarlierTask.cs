using System.Text.Json;
using KieCatalog.Catalog;
using KieCatalog.Errors;

namespace KieCatalog.Client;

/// <summary>The reference of a result KIE makes from an earlier task without a task of its own: <c>earlierTaskId#index</c>.</summary>
internal static class EarlierTask
{
    public static KieTaskRef Reference(IModeInput input)
    {
        var mode = input.Mode;
        var task = mode.FollowUpParam
            ?? throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.CreateTask, $"{mode.Key}: the mode names no earlier task"));
        using var json = JsonDocument.Parse(input.ToInputJson());
        var id = json.RootElement.TryGetProperty(task.Name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var index = task.FollowUp?.OutputParam is { } output && json.RootElement.TryGetProperty(output, out var at) ? at.GetRawText() : "0";
        return string.IsNullOrEmpty(id)
            ? throw new KieException(new KieError(KieErrorKind.InvalidInput, KieOperation.CreateTask, $"{mode.Key}: '{task.Name}' is empty"))
            : KieTaskRef.For(mode, id + "#" + index);
    }

    public static (string TaskId, string Index) Split(string reference)
    {
        var at = reference.LastIndexOf('#');
        return at < 0 ? (reference, "0") : (reference[..at], reference[(at + 1)..]);
    }
}
