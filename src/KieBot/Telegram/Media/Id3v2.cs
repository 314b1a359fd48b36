namespace KieBot.Telegram.Media;

/// <summary>ID3v2 tags at the start of an MP3 (or FLAC) file: where the audio after them begins.</summary>
internal static class Id3v2
{
    private const int MaxTags = 16;

    /// <summary>The offset just past any ID3v2 tags (their 10-byte header, syncsafe size and, with flag 0x10, a 10-byte footer).</summary>
    public static long End(MediaSource source)
    {
        long at = 0;
        Span<byte> header = stackalloc byte[10];
        for (var tag = 0; tag < MaxTags && source.ReadExactly(at, header) && header.StartsWith("ID3"u8); tag++)
        {
            if (header[3] == 0xFF || header[4] == 0xFF || ((header[6] | header[7] | header[8] | header[9]) & 0x80) != 0)
            {
                break;
            }

            var size = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9];
            var footer = (header[5] & 0x10) != 0 ? 10 : 0;
            at += 10 + size + footer;
        }

        return at;
    }
}
