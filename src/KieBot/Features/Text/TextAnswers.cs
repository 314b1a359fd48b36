using System.Text;
using KieBot.Conversation;
using KieBot.Generations;
using KieBot.Storage;
using KieBot.Telegram;
using KieCatalog.Chat;

namespace KieBot.Features.Text;

/// <summary>
/// One question on the Text shelf: the conversation's recent turns as context, a photo (or an image document) shown to
/// the model when it takes images, a text document read into the question; the answer streamed into one message, billed
/// by usage, and a long one split at Telegram's 4096 characters (more than three messages' worth comes as a file).
/// </summary>
public sealed class TextAnswers(TextOptions options, MeteredChat metered, IChatSurface chat, Pricing pricing, TimeProvider time, GenerationOptions generation)
{
    public const string Purpose = ChatHistoryScreen.Purpose;

    private static readonly string[] TextTypes = ["application/json", "application/xml", "application/x-yaml", "application/csv"];

    public ChatOffer Offer => options.Offer;

    /// <summary>What a question costs at most, for the intro (null when only the allowance pays).</summary>
    public Credits? Most => options.Offer.MostFor(pricing, 4_000, options.MaxTokens);

    public Task<int> FreeLeftAsync(Turn turn, CancellationToken ct) =>
        metered.FreeLeftAsync(Purpose, turn.User.Id, Today(), options.Offer.FreeDaily, ct);

    public async Task<Reply> AskAsync(Turn turn, TextState state, CancellationToken ct)
    {
        var model = options.Offer.Model!;
        var question = turn.Update.Text?.Trim() ?? string.Empty;
        var images = new List<ChatImage>();
        if (turn.Update.File is { } file)
        {
            var (image, document, refusal) = await ReadAsync(turn, file, model, ct).ConfigureAwait(false);
            if (refusal is not null)
            {
                return Reply.Note(refusal);
            }

            if (image is not null)
            {
                images.Add(image);
                question = question.Length > 0 ? question : turn.T("text.describe");
            }
            else
            {
                question = (question.Length > 0 ? question : turn.T("text.read")) + $"\n\n--- {file.FileName ?? "document"} ---\n{document}";
            }
        }

        if (question.Length == 0)
        {
            return Reply.Note(turn.T("text.empty"));
        }

        var context = await metered.ThreadAsync(turn.User.Id, state.Thread, options.ContextTurns, ct).ConfigureAwait(false);
        var request = new ChatRequest(model, [.. context, ChatMessage.User(question, [.. images])])
        {
            System = turn.T("text.system"),
            MaxTokens = options.MaxTokens,
        };
        var call = new MeteredChatCall(Purpose, turn.User.Id, turn.ChatId, state.Thread, question, request)
        {
            Key = $"{Purpose}:{turn.User.Id}:{turn.Update.UpdateId}",
            Price = options.Offer.UserPrice(pricing),
            FreeDaily = options.Offer.FreeDaily,
            FreeDay = Today(),
            DryRun = options.Offer.DryRun,
        };
        var message = new StreamedMessage(chat, turn.ChatId, time);
        var result = await metered.RunAsync(call, message.WriteAsync, ct).ConfigureAwait(false);
        switch (result.Status)
        {
            case MeteredChatStatus.AlreadyAsked:
                // The same question again (Telegram redelivered it): the first run answers and charges it.
                return Reply.Shown;
            case MeteredChatStatus.Insufficient:
                return Reply.Note(turn.T("text.insufficient", ("price", MeteredChat.UpperBound(request, call.Price!))));
            case MeteredChatStatus.NotAvailable:
                return Reply.Note(turn.T("text.used_up"));
            case MeteredChatStatus.Failed:
                await message.FinishAsync(new Screen(turn.T("text.failed", ("reason", result.Error!.UserMessage(turn.Language)))), ct).ConfigureAwait(false);
                return Reply.Shown;
        }

        var cost = result.Free ? turn.T("text.free") : turn.T("text.charged", ("price", result.Charged), ("in", result.Usage!.InputTokens), ("out", result.Usage.OutputTokens));
        await FinishAsync(turn, message, result.Text, cost, ct).ConfigureAwait(false);
        turn.State = state.At() with { MessageId = message.MessageId };
        return Reply.Shown;
    }

    /// <summary>The whole answer: in the streamed message when it fits, else split over a few messages, else as a file.</summary>
    private async Task FinishAsync(Turn turn, StreamedMessage message, string answer, string cost, CancellationToken ct)
    {
        var buttons = TextFeature.Keyboard(turn);
        var footer = "\n\n<i>" + cost + "</i>";
        var html = Texts.Html(answer);
        if (html.Length + footer.Length <= TelegramLimits.MessageText)
        {
            await message.FinishAsync(new Screen(html + footer, buttons), ct).ConfigureAwait(false);
            return;
        }

        var parts = TelegramLimits.Split(html).ToList();
        if (parts.Count > 3)
        {
            await message.FinishAsync(new Screen(turn.T("text.as_file", ("length", answer.Length))), ct).ConfigureAwait(false);
            await chat.DeliverAsync(turn.ChatId, new Delivery(KieCatalog.Catalog.OutputKind.Text, [], answer, cost, new Screen(string.Empty, buttons)), ct).ConfigureAwait(false);
            return;
        }

        await message.FinishAsync(new Screen(parts[0]), ct).ConfigureAwait(false);
        for (var i = 1; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            await chat.SendAsync(turn.ChatId, last ? new Screen(parts[i] + (parts[i].Length + footer.Length <= TelegramLimits.MessageText ? footer : string.Empty), buttons) : new Screen(parts[i]), ct).ConfigureAwait(false);
        }
    }

    private async Task<(ChatImage? Image, string? Document, string? Refusal)> ReadAsync(Turn turn, IncomingFile file, ChatModeDescriptor model, CancellationToken ct)
    {
        var mime = file.Kind == FileKind.Photo ? "image/jpeg" : file.MimeType ?? "application/octet-stream";
        var isImage = mime.StartsWith("image/", StringComparison.Ordinal);
        var isText = mime.StartsWith("text/", StringComparison.Ordinal) || TextTypes.Contains(mime);
        if (!isImage && !isText)
        {
            return (null, null, turn.T("text.file_kind"));
        }

        if (isImage && !model.AcceptsImages)
        {
            return (null, null, turn.T("text.no_images", ("model", model.Name)));
        }

        if (file.Size > options.MaxFileBytes)
        {
            return (null, null, turn.T("text.file_size", ("max", options.MaxFileBytes / (1024 * 1024))));
        }

        await using var stream = await chat.OpenFileAsync(file, ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
        if (isImage)
        {
            return buffer.Length == 0 ? (null, null, turn.T("text.file_kind")) : (ChatImage.FromData(buffer.ToArray(), mime), null, null);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return (null, text.Length > options.MaxDocumentChars ? text[..options.MaxDocumentChars] : text, null);
    }

    private string Today() => MeteredChat.Day(time.GetUtcNow(), generation.FreeTimeZone);
}
