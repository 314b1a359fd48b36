using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// OGG: the first page's identification header (OpusHead, Vorbis, FLAC) gives the rate, and the last page of that
/// stream with a granule position (searched back from the end, its CRC checked) gives the samples:
/// Opus at 48 kHz less the pre-skip, Vorbis and FLAC at the stream's sample rate.
/// </summary>
internal static class OggDuration
{
    private const int Window = 64 * 1024;
    private const long MaxSearch = 1024 * 1024;

    public static PlayingTime? Read(MediaSource source)
    {
        var header = source.Read(0, OggPage.MaxHeader);
        if (!OggPage.TryParse(header, out var first) || (first.Flags & OggPage.BeginningOfStream) == 0)
        {
            return null;
        }

        if (OggPage.FirstPacketLength(header.AsSpan(0, first.HeaderLength)) is not { } packetLength)
        {
            return null;
        }

        var packet = source.Read(first.HeaderLength, Math.Min(packetLength, 64));
        if (Identify(packet) is not var (format, rate, preSkip))
        {
            return null;
        }

        if (LastGranule(source, first.Serial) is not { } granule || granule < preSkip)
        {
            return null;
        }

        return PlayingTime.Of(format, (ulong)(granule - preSkip), rate);
    }

    private static (MediaFormat Format, ulong Rate, long PreSkip)? Identify(ReadOnlySpan<byte> packet)
    {
        if (packet.Length >= 19 && packet.StartsWith("OpusHead"u8))
        {
            return (MediaFormat.OggOpus, 48000, BinaryPrimitives.ReadUInt16LittleEndian(packet[10..]));
        }

        if (packet.Length >= 30 && packet[0] == 1 && packet[1..].StartsWith("vorbis"u8))
        {
            return (MediaFormat.OggVorbis, BinaryPrimitives.ReadUInt32LittleEndian(packet[12..]), 0);
        }

        // 0x7F "FLAC", version (2), header count (2), "fLaC", then the STREAMINFO block: its header (4) and sample rate at 10.
        if (packet.Length >= 30 && packet[0] == 0x7F && packet[1..].StartsWith("FLAC"u8) && packet[9..].StartsWith("fLaC"u8))
        {
            return (MediaFormat.OggFlac, FlacDuration.SampleRate(packet[17..]), 0);
        }

        return null;
    }

    /// <summary>The granule position of the stream's last whole page that has one, within the last <see cref="MaxSearch"/> bytes.</summary>
    private static long? LastGranule(MediaSource source, uint serial)
    {
        var stop = Math.Max(0, source.Length - MaxSearch);
        var end = source.Length;
        while (end > stop)
        {
            var start = Math.Max(stop, end - Window);
            var window = source.Read(start, (int)(end - start) + 3);
            for (var at = (int)(end - start) - 1; at >= 0; at--)
            {
                if (window[at] == (byte)'O' && window.AsSpan(at).StartsWith("OggS"u8) && Granule(source, start + at, serial) is { } granule)
                {
                    return granule;
                }
            }

            end = start;
        }

        return null;
    }

    private static long? Granule(MediaSource source, long at, uint serial)
    {
        var header = source.Read(at, OggPage.MaxHeader);
        if (!OggPage.TryParse(header, out var page) || page.Serial != serial || page.Granule < 0)
        {
            return null;
        }

        var whole = source.Read(at, page.Length);
        return whole.Length == page.Length && OggPage.HasValidCrc(whole) ? page.Granule : null;
    }
}
