using KieBot.Telegram.Media;

namespace KieBot.Telegram;

/// <summary>
/// Reads the playing duration of an audio or video file from its headers, without decoding and without any external
/// process: MP4/M4A/MOV/3GP (<c>moov/mvhd</c>), WAV (data size / byte rate), MP3 (Xing/Info or VBRI, else a CBR estimate),
/// OGG Opus/Vorbis/FLAC (last granule position), FLAC (STREAMINFO) and Matroska/WebM (Segment Info Duration).
/// Every answer is null when the format is unknown or the header is corrupt or truncated; bad input never throws,
/// and every box, chunk and element size is checked against the file, so hostile input cannot make it loop.
/// </summary>
/// <remarks>
/// A seekable stream is read from its current position, only where the headers are (a few small reads near the start,
/// and near the end for OGG and for an MP4 whose <c>moov</c> follows <c>mdat</c>); the position is left wherever the last read
/// ended. A stream that cannot seek is first copied to memory, at most <see cref="MaxBufferedBytes"/>; a longer one gives null.
/// The stream is not disposed. Errors of the stream itself (an <see cref="IOException"/>) are not caught.
/// </remarks>
public static class MediaDuration
{
    /// <summary>The most a non-seekable stream is buffered: Telegram's 50 MB bot upload, as <see cref="ResultFiles.MaxUploadBytes"/>.</summary>
    public const long MaxBufferedBytes = ResultFiles.MaxUploadBytes;

    /// <summary>The duration in seconds (a double), or null.</summary>
    public static double? Seconds(Stream stream) => Read(stream)?.Seconds;

    /// <summary>The duration in whole seconds rounded up (3.2 s gives 4), or null.</summary>
    public static int? WholeSeconds(Stream stream) => Read(stream)?.WholeSeconds;

    /// <summary>The exact duration as the header states it, with the format it was read from, or null.</summary>
    public static PlayingTime? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek)
        {
            return Read(new MediaSource(stream));
        }

        var copy = Buffer(stream);
        return copy is null ? null : Read(new MediaSource(copy));
    }

    /// <summary>The exact duration of a file already in memory, or null.</summary>
    public static PlayingTime? Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Read(new MediaSource(file));
    }

    private static PlayingTime? Read(MediaSource source)
    {
        Span<byte> head = stackalloc byte[12];
        var read = source.Read(0, head);
        head = head[..read];
        if (read >= 12 && (head.StartsWith("RIFF"u8) || head.StartsWith("RF64"u8) || head.StartsWith("BW64"u8)) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return WavDuration.Read(source);
        }

        if (head.StartsWith("OggS"u8))
        {
            return OggDuration.Read(source);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return MatroskaDuration.Read(source);
        }

        if (read >= 8 && Mp4Duration.IsTopLevelBox(head[4..8]))
        {
            return Mp4Duration.Read(source);
        }

        var audio = Id3v2.End(source);
        Span<byte> magic = stackalloc byte[4];
        if (source.ReadExactly(audio, magic) && magic.SequenceEqual("fLaC"u8))
        {
            return FlacDuration.Read(source, audio);
        }

        return Mp3Duration.Read(source, audio);
    }

    private static byte[]? Buffer(Stream stream)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > MaxBufferedBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
