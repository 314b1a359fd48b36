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

    /// <summary>
    /// The bot's follow-up button under a result: <c>fu:&lt;model&gt;/&lt;mode&gt;:&lt;output index&gt;:&lt;generation id&gt;</c>,
    /// the generation id as 22 base64url characters (a GUID's 16 bytes).
    /// </summary>
    public static string FollowUp(string modelId, string modeId, int index) =>
        "fu:" + modelId + "/" + modeId + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + new string('x', 22);

    public static int ByteCount(string data) => System.Text.Encoding.UTF8.GetByteCount(data);
}
