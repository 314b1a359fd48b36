namespace KieBot.Telegram.Media;

/// <summary>Random access to a file's bytes: a byte array, or a seekable stream read only where asked.</summary>
internal sealed class MediaSource
{
    private readonly byte[]? bytes;
    private readonly Stream? stream;
    private readonly long origin;

    public MediaSource(byte[] bytes)
    {
        this.bytes = bytes;
        Length = bytes.Length;
    }

    /// <summary>The bytes from the stream's current position to its end.</summary>
    public MediaSource(Stream seekable)
    {
        stream = seekable;
        origin = seekable.Position;
        Length = Math.Max(0, seekable.Length - origin);
    }

    public long Length { get; }

    /// <summary>Reads up to <c>into.Length</c> bytes at <paramref name="offset"/>; fewer only at the end of the file.</summary>
    public int Read(long offset, Span<byte> into)
    {
        if (offset < 0 || offset >= Length)
        {
            return 0;
        }

        var count = (int)Math.Min(into.Length, Length - offset);
        if (bytes is not null)
        {
            bytes.AsSpan((int)offset, count).CopyTo(into);
            return count;
        }

        stream!.Position = origin + offset;
        return stream.ReadAtLeast(into[..count], count, throwOnEndOfStream: false);
    }

    /// <summary>True when all of <paramref name="into"/> could be filled.</summary>
    public bool ReadExactly(long offset, Span<byte> into) => Read(offset, into) == into.Length;

    /// <summary>Up to <paramref name="max"/> bytes at <paramref name="offset"/>.</summary>
    public byte[] Read(long offset, int max)
    {
        if (offset < 0 || offset >= Length || max <= 0)
        {
            return [];
        }

        var buffer = new byte[(int)Math.Min(max, Length - offset)];
        var read = Read(offset, buffer.AsSpan());
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
