using System.Text.Json.Serialization;

namespace KieCatalog.Client.Chat;

/// <summary>The source-generated serializers of both chat protocols' wire records.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenAiChatBody))]
[JsonSerializable(typeof(OpenAiCompletion))]
[JsonSerializable(typeof(AnthropicBody))]
[JsonSerializable(typeof(AnthropicReply))]
[JsonSerializable(typeof(AnthropicEvent))]
internal sealed partial class ChatJson : JsonSerializerContext;
