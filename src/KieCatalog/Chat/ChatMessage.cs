namespace KieCatalog.Chat;

/// <summary>Who wrote a message of a conversation.</summary>
public enum ChatRole
{
    User,
    Assistant,
}

/// <summary>One turn of a conversation: its text and, for models that accept images, the images it shows.</summary>
public sealed record ChatMessage
{
    public ChatMessage(ChatRole role, string text, IReadOnlyList<ChatImage>? images = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Role = role;
        Text = text;
        Images = images ?? [];
    }

    public ChatRole Role { get; }

    public string Text { get; }

    public IReadOnlyList<ChatImage> Images { get; }

    public static ChatMessage User(string text, params ChatImage[] images) => new(ChatRole.User, text, images);

    public static ChatMessage Assistant(string text) => new(ChatRole.Assistant, text);
}

/// <summary>An image in a message: a public URL, or the bytes themselves (sent as base64).</summary>
public sealed record ChatImage
{
    private ChatImage(Uri? url, ReadOnlyMemory<byte> data, string? mimeType)
    {
        Url = url;
        Data = data;
        MimeType = mimeType;
    }

    /// <summary>The image's address, when it is given by URL.</summary>
    public Uri? Url { get; }

    /// <summary>The image's bytes, when it is given as data.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The media type of <see cref="Data"/> (<c>image/png</c>, <c>image/jpeg</c>…).</summary>
    public string? MimeType { get; }

    public static ChatImage FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("an image URL must be an absolute http(s) URL", nameof(url));
        }

        return new ChatImage(url, default, null);
    }

    public static ChatImage FromData(ReadOnlyMemory<byte> data, string mimeType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        if (data.IsEmpty)
        {
            throw new ArgumentException("an image needs its bytes", nameof(data));
        }

        if (!mimeType.StartsWith("image/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{mimeType}' is not an image type", nameof(mimeType));
        }

        return new ChatImage(null, data, mimeType);
    }

    /// <summary>The URL, or a <c>data:</c> URL of the bytes.</summary>
    public string ToUrlString() => Url?.AbsoluteUri ?? $"data:{MimeType};base64,{Convert.ToBase64String(Data.Span)}";
}
