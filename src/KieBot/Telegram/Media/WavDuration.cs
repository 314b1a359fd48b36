using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// RIFF/WAVE (and RF64/BW64): the <c>data</c> chunk's size over the byte rate of <c>fmt </c> (PCM, float and
/// WAVE_FORMAT_EXTENSIBLE); compressed formats with a <c>fact</c> chunk use its sample count over the sample rate.
/// Chunks are word-aligned (an odd size is followed by a pad byte); <c>LIST</c> and any other chunk are skipped.
/// </summary>
internal static class WavDuration
{
    private const ushort Pcm = 1;
    private const ushort Float = 3;
    private const ushort Extensible = 0xFFFE;
    private const int MaxChunks = 4096;

    public static PlayingTime? Read(MediaSource source)
    {
        Span<byte> header = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[16];
        Span<byte> ds64 = stackalloc byte[24];
        ulong? dataSize = null;
        ulong? bigDataSize = null;
        uint? factSamples = null;
        var haveFormat = false;
        long at = 12;
        for (var chunk = 0; chunk < MaxChunks && (!haveFormat || dataSize is null) && source.ReadExactly(at, header); chunk++)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var body = at + 8;
            var id = header[..4];
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || !source.ReadExactly(body, fmt))
                {
                    return null;
                }

                haveFormat = true;
            }
            else if (id.SequenceEqual("ds64"u8) && size >= 24 && source.ReadExactly(body, ds64))
            {
                bigDataSize = BinaryPrimitives.ReadUInt64LittleEndian(ds64[8..]);
            }
            else if (id.SequenceEqual("fact"u8) && size >= 4 && source.ReadExactly(body, header[..4]))
            {
                factSamples = BinaryPrimitives.ReadUInt32LittleEndian(header);
            }
            else if (id.SequenceEqual("data"u8))
            {
                var available = (ulong)(source.Length - body);
                var declared = size == uint.MaxValue ? bigDataSize ?? available : size;
                dataSize = Math.Min(declared, available);
                if (declared > available || size == uint.MaxValue)
                {
                    break;
                }
            }

            at = body + size + (size & 1);
        }

        if (!haveFormat || dataSize is not { } bytes)
        {
            return null;
        }

        var formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var byteRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[8..]);
        if (formatTag is not (Pcm or Float or Extensible) && factSamples is { } samples)
        {
            return PlayingTime.Of(MediaFormat.Wav, samples, sampleRate);
        }

        // PCM plays sample rate × block align bytes a second whatever the header's byte-rate field says (decoders ignore
        // it, so a file could claim to be short): the rate is worked out, and a header that disagrees is not believed.
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        if (formatTag is Pcm or Float or Extensible)
        {
            var rate = (ulong)sampleRate * blockAlign;
            return rate == 0 || rate != byteRate ? null : PlayingTime.Of(MediaFormat.Wav, bytes, byteRate);
        }

        return PlayingTime.Of(MediaFormat.Wav, bytes, byteRate);
    }
}
