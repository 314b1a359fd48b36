using System.Text.Json;

namespace KieBot.Storage.Sql;

/// <summary>A <c>generations</c> row as Dapper reads it, and the <see cref="Generation"/> it stands for.</summary>
internal sealed class GenerationRow
{
    public string Id { get; set; } = string.Empty;

    public long UserId { get; set; }

    public long ChatId { get; set; }

    public string ModelId { get; set; } = string.Empty;

    public string ModeId { get; set; } = string.Empty;

    public string KieModel { get; set; } = string.Empty;

    public string Api { get; set; } = string.Empty;

    public string InputJson { get; set; } = string.Empty;

    public long Price { get; set; }

    public string? ReservationKey { get; set; }

    public string State { get; set; } = string.Empty;

    public string? KieTaskId { get; set; }

    public string? ResultUrls { get; set; }

    public string? ResultText { get; set; }

    public string? ErrorKind { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public bool DryRun { get; set; }

    public long? StatusMessageId { get; set; }

    public long Attempts { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? FinishedAt { get; set; }

    public string? Delivered { get; set; }

    public string? FreeDay { get; set; }

    public string? SummaryKey { get; set; }

    public string? SentParts { get; set; }

    public string? ParentId { get; set; }

    public string? ResultTracks { get; set; }

    public bool Previewed { get; set; }

    public string? CallbackFailCode { get; set; }

    public static string? TracksJson(IReadOnlyList<GenerationTrack>? tracks) =>
        tracks is null ? null : JsonSerializer.Serialize(tracks, StorageJson.Default.IReadOnlyListGenerationTrack);

    public static string Urls(IReadOnlyList<string> urls) => JsonSerializer.Serialize(urls, StorageJson.Default.IReadOnlyListString);

    public Generation ToGeneration(SqlDatabase db) => new()
    {
        Id = Id,
        UserId = UserId,
        ChatId = ChatId,
        ModelId = ModelId,
        ModeId = ModeId,
        KieModel = KieModel,
        Api = Api,
        InputJson = db.Load(InputJson)!,
        Price = new Credits(Price),
        ReservationKey = ReservationKey,
        State = GenerationStates.Parse(State),
        KieTaskId = KieTaskId,
        ResultUrls = string.IsNullOrEmpty(ResultUrls) ? [] : JsonSerializer.Deserialize(ResultUrls, StorageJson.Default.IReadOnlyListString) ?? [],
        Delivered = Delivered is null ? null : JsonSerializer.Deserialize(Delivered, StorageJson.Default.IReadOnlyListString) ?? [],
        ResultText = db.Load(ResultText),
        ErrorKind = ErrorKind,
        ErrorCode = db.Load(ErrorCode),
        ErrorMessage = db.Load(ErrorMessage),
        DryRun = DryRun,
        StatusMessageId = StatusMessageId,
        Attempts = (int)Attempts,
        CreatedAt = Times.At(CreatedAt),
        UpdatedAt = Times.At(UpdatedAt),
        FinishedAt = Times.At(FinishedAt),
        FreeDay = FreeDay,
        SummaryKey = SummaryKey,
        ParentId = ParentId,
        SentParts = SentParts is null ? [] : JsonSerializer.Deserialize(SentParts, StorageJson.Default.IReadOnlyListString) ?? [],
        Tracks = string.IsNullOrEmpty(ResultTracks) ? [] : JsonSerializer.Deserialize(db.Load(ResultTracks)!, StorageJson.Default.IReadOnlyListGenerationTrack) ?? [],
        Previewed = Previewed,
        CallbackFailCode = db.Load(CallbackFailCode),
    };
}
