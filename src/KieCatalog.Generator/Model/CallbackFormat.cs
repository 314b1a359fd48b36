namespace KieCatalog.Generator.Model;

/// <summary>
/// The Telegram callback data of catalog buttons. Ids, not indexes, so a changed catalog makes old buttons
/// unknown (stale) rather than silently pointing at another item.
/// </summary>
internal static class CallbackFormat
{
    public const int MaxBytes = 64;

    public static string Category(string category) => "c:" + category;

    public static string Model(string modelId) => "m:" + modelId;

    public static string Mode(string modelId, string modeId) => "o:" + modelId + "/" + modeId;

    public static string EnumValue(string modelId, string modeId, string param, string wire) =>
        "e:" + modelId + "/" + modeId + "/" + param + "=" + wire;

    public static string Toggle(string modelId, string modeId, string param) =>
        "t:" + modelId + "/" + modeId + "/" + param;

    public static int ByteCount(string data) => System.Text.Encoding.UTF8.GetByteCount(data);
}
