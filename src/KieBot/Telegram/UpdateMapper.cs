using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace KieBot.Telegram;

/// <summary>Telegram's <see cref="Update"/> to the transport-free <see cref="BotUpdate"/>; null for updates the bot ignores.</summary>
public static class UpdateMapper
{
    public static readonly UpdateType[] Allowed = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.PreCheckoutQuery];

    public static BotUpdate? Map(Update update)
    {
        if (update.CallbackQuery is { From: { } presser } query)
        {
            return new BotUpdate
            {
                UpdateId = update.Id,
                UserId = presser.Id,
                ChatId = query.Message?.Chat.Id ?? presser.Id,
                Username = presser.Username ?? presser.FirstName,
                LanguageCode = presser.LanguageCode,
                CallbackData = query.Data ?? string.Empty,
                CallbackId = query.Id,
                CallbackMessageId = query.Message?.Id,
            };
        }

        if (update.PreCheckoutQuery is { From: { } payer } checkout)
        {
            return new BotUpdate
            {
                UpdateId = update.Id,
                UserId = payer.Id,
                ChatId = payer.Id,
                Username = payer.Username ?? payer.FirstName,
                LanguageCode = payer.LanguageCode,
                PreCheckout = new PreCheckout(checkout.Id, checkout.InvoicePayload, checkout.Currency, checkout.TotalAmount),
            };
        }

        if (update.Message is not { From: { } sender } message || message.Chat.Type != ChatType.Private)
        {
            return null;
        }

        return new BotUpdate
        {
            UpdateId = update.Id,
            UserId = sender.Id,
            ChatId = message.Chat.Id,
            Username = sender.Username ?? sender.FirstName,
            LanguageCode = sender.LanguageCode,
            Text = message.Text ?? message.Caption,
            File = FileOf(message),
            Payment = message.SuccessfulPayment is { } paid
                ? new PaymentDone(paid.TelegramPaymentChargeId, paid.InvoicePayload, paid.Currency, paid.TotalAmount)
                : null,
        };
    }

    private static IncomingFile? FileOf(Message message) => message switch
    {
        { Photo: { Length: > 0 } sizes } => sizes.MaxBy(s => (long)s.Width * s.Height) is { } largest
            ? new IncomingFile(largest.FileId, FileKind.Photo, "photo.jpg", "image/jpeg", largest.FileSize)
            : null,
        { Video: { } video } => new IncomingFile(video.FileId, FileKind.Video, video.FileName ?? "video.mp4", video.MimeType ?? "video/mp4", video.FileSize, video.Duration),
        { Audio: { } audio } => new IncomingFile(audio.FileId, FileKind.Audio, audio.FileName ?? "audio.mp3", audio.MimeType ?? "audio/mpeg", audio.FileSize, audio.Duration),
        { Voice: { } voice } => new IncomingFile(voice.FileId, FileKind.Voice, "voice.ogg", voice.MimeType ?? "audio/ogg", voice.FileSize, voice.Duration),
        { Document: { } document } => new IncomingFile(document.FileId, FileKind.Document, document.FileName, document.MimeType, document.FileSize),
        _ => null,
    };
}
