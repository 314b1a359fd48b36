using System.Text.Json.Serialization;

namespace KieBot.Storage.Sql;

[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<GenerationTrack>))]
internal sealed partial class StorageJson : JsonSerializerContext;
