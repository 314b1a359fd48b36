using System.Buffers.Binary;
using System.Text;

namespace KieBot.Tests.Media;

/// <summary>Writes small but well-formed media files byte by byte, as the specifications lay them out.</summary>
internal static class MediaFiles
{
    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    public static byte[] U16Le(int value) => BitConverter.GetBytes((ushort)value);

    public static byte[] U32Le(uint value) => BitConverter.GetBytes(value);

    public static byte[] U32Be(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] U64Be(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    // WAV ----------------------------------------------------------------------------------------------

    public static byte[] RiffChunk(string id, byte[] body) =>
        Concat(Ascii(id), U32Le((uint)body.Length), body, body.Length % 2 == 1 ? [0] : []);

    public static byte[] PcmFormat(int rate, int channels, int bits, bool extensible = false)
    {
        var blockAlign = channels * bits / 8;
        var basic = Concat(U16Le(extensible ? 0xFFFE : 1), U16Le(channels), U32Le((uint)rate), U32Le((uint)(rate * blockAlign)), U16Le(blockAlign), U16Le(bits));
        if (!extensible)
        {
            return basic;
        }

        var pcmGuid = new byte[] { 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 };
        return Concat(basic, U16Le(22), U16Le(bits), U32Le(channels == 1 ? 4u : 3u), pcmGuid);
    }

    public static byte[] Wav(params byte[][] chunks)
    {
        var body = Concat(Ascii("WAVE"), Concat(chunks));
        return Concat(Ascii("RIFF"), U32Le((uint)body.Length), body);
    }

    // ISO BMFF -----------------------------------------------------------------------------------------

    public static byte[] Box(string type, params byte[][] content)
    {
        var body = Concat(content);
        return Concat(U32Be((uint)(8 + body.Length)), Ascii(type), body);
    }

    public static byte[] LargeBox(string type, byte[] body) => Concat(U32Be(1), Ascii(type), U64Be((ulong)(16 + body.Length)), body);

    public static byte[] Ftyp() => Box("ftyp", Ascii("isom"), U32Be(512), Ascii("isomiso2avc1mp41"));

    /// <summary>A full mvhd: version 0 (32-bit times) or 1 (64-bit), then rate, volume, matrix and next track id.</summary>
    public static byte[] Mvhd(int version, uint timescale, ulong duration)
    {
        var times = version == 0
            ? Concat(U32Be(0), U32Be(0), U32Be(timescale), U32Be((uint)duration))
            : Concat(U64Be(0), U64Be(0), U32Be(timescale), U64Be(duration));
        var rest = Concat(U32Be(0x00010000), [0x01, 0x00], new byte[10], U32Be(0x00010000), new byte[12], U32Be(0x00010000), new byte[12], U32Be(0x40000000), new byte[24], U32Be(2));
        return Box("mvhd", [(byte)version, 0, 0, 0], times, rest);
    }

    // MP3 ----------------------------------------------------------------------------------------------

    /// <summary>An MPEG-1 layer III frame, no CRC, stereo, the given bitrate index (9 = 128 kbps) and rate index (0 = 44.1 kHz, 1 = 48 kHz).</summary>
    public static byte[] Mpeg1Frame(int bitrateIndex, int rateIndex, int length, Action<byte[]>? fill = null)
    {
        var frame = new byte[length];
        frame[0] = 0xFF;
        frame[1] = 0xFB;
        frame[2] = (byte)((bitrateIndex << 4) | (rateIndex << 2));
        frame[3] = 0x00;
        fill?.Invoke(frame);
        return frame;
    }

    /// <summary>An MPEG-2 layer III frame: 64 kbps, 24 kHz, mono (192 bytes).</summary>
    public static byte[] Mpeg2MonoFrame(Action<byte[]>? fill = null)
    {
        var frame = new byte[192];
        frame[0] = 0xFF;
        frame[1] = 0xF3;
        frame[2] = 0x84;
        frame[3] = 0xC0;
        fill?.Invoke(frame);
        return frame;
    }

    /// <summary>An ID3v2.4 tag with a padding body; with <paramref name="footer"/> the flag 0x10 and a 10-byte "3DI" footer.</summary>
    public static byte[] Id3v2(int bodyLength, bool footer)
    {
        byte[] size = [(byte)((bodyLength >> 21) & 0x7F), (byte)((bodyLength >> 14) & 0x7F), (byte)((bodyLength >> 7) & 0x7F), (byte)(bodyLength & 0x7F)];
        byte flags = footer ? (byte)0x10 : (byte)0;
        var header = Concat(Ascii("ID3"), [4, 0, flags], size);
        var body = new byte[bodyLength];
        return footer ? Concat(header, body, Ascii("3DI"), [4, 0, flags], size) : Concat(header, body);
    }

    public static byte[] Id3v1() => Concat(Ascii("TAG"), Enumerable.Repeat((byte)' ', 125).ToArray());

    public static void Write(byte[] into, int at, byte[] bytes) => bytes.CopyTo(into, at);

    // OGG ----------------------------------------------------------------------------------------------

    /// <summary>One OGG page holding whole packets (each under 255 × 255 bytes), with its CRC computed bit by bit.</summary>
    public static byte[] OggPage(byte flags, long granule, uint serial, uint sequence, params byte[][] packets)
    {
        var lacing = new List<byte>();
        foreach (var packet in packets)
        {
            var left = packet.Length;
            while (left >= 255)
            {
                lacing.Add(255);
                left -= 255;
            }

            lacing.Add((byte)left);
        }

        var granuleBytes = BitConverter.GetBytes(granule);
        var page = Concat(Ascii("OggS"), [0, flags], granuleBytes, U32Le(serial), U32Le(sequence), U32Le(0), [(byte)lacing.Count], lacing.ToArray(), Concat(packets));
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), OggCrc(page));
        return page;
    }

    public static byte[] OpusHead(int preSkip) => Concat(Ascii("OpusHead"), [1, 1], U16Le(preSkip), U32Le(48000), U16Le(0), [0]);

    public static byte[] VorbisIdentification(uint rate) => Concat([1], Ascii("vorbis"), U32Le(0), [1], U32Le(rate), U32Le(0), U32Le(64000), U32Le(0), [0xB8, 1]);

    private static uint OggCrc(byte[] page)
    {
        uint crc = 0;
        foreach (var b in page)
        {
            crc ^= (uint)b << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }

        return crc;
    }

    // FLAC ---------------------------------------------------------------------------------------------

    public static byte[] FlacStreamInfo(uint rate, int channels, int bits, ulong samples)
    {
        var packed = ((ulong)rate << 44) | ((ulong)(channels - 1) << 41) | ((ulong)(bits - 1) << 36) | samples;
        return Concat(U32Be(4096 << 16 | 4096), [0, 0, 0, 0, 0, 0], U64Be(packed), new byte[16]);
    }

    public static byte[] Flac(uint rate, ulong samples) =>
        Concat(Ascii("fLaC"), [0x80, 0, 0, 34], FlacStreamInfo(rate, 2, 16, samples));

    // Matroska -----------------------------------------------------------------------------------------

    /// <summary>An EBML element: its ID bytes, an 8-byte size (or "unknown" when null), its body.</summary>
    public static byte[] Ebml(uint id, byte[]? body, bool unknownSize = false)
    {
        var idBytes = U32Be(id).SkipWhile(b => b == 0).ToArray();
        var size = unknownSize ? [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] : Concat([0x01], U64Be((ulong)(body?.Length ?? 0)).Skip(1).ToArray());
        return Concat(idBytes, size, body ?? []);
    }

    public static byte[] WebM(ulong? timecodeScale, double? duration, bool clusterFirst = false)
    {
        var header = Ebml(0x1A45DFA3, Concat(Ebml(0x4286, [1]), Ebml(0x4282, Ascii("webm"))));
        var infoBody = new List<byte[]>();
        if (timecodeScale is { } scale)
        {
            infoBody.Add(Ebml(0x2AD7B1, U32Be((uint)scale)));
        }

        infoBody.Add(Ebml(0x4D80, Ascii("test")));
        if (duration is { } value)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
            infoBody.Add(Ebml(0x4489, bytes));
        }

        var info = Ebml(0x1549A966, Concat(infoBody.ToArray()));
        var cluster = Ebml(0x1F43B675, Ebml(0xE7, [0]));
        var seekHead = Ebml(0x114D9B74, new byte[20]);
        var segment = clusterFirst ? Concat(seekHead, cluster, info) : Concat(seekHead, Ebml(0xEC, new byte[7]), info, cluster);
        return Concat(header, Ebml(0x18538067, segment, unknownSize: true));
    }
}
