using System.Text.Json.Serialization;

namespace KieBot.Storage.Sql;

[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StorageJson : JsonSerializerContext;
