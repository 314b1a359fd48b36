using System.Text.Json.Serialization;

namespace KieBot.Ops;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<ErrorReportRow>))]
[JsonSerializable(typeof(CleanupResult))]
internal sealed partial class OpsJson : JsonSerializerContext;
