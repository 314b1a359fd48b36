using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>An OGG page header: "OggS", version 0, flags, granule position, serial, sequence, CRC, lacing table.</summary>
internal readonly record struct OggPage(byte Flags, long Granule, uint Serial, int HeaderLength, int BodyLength)
{
    public const int FixedHeader = 27;
    public const int MaxHeader = FixedHeader + 255;

    public const byte BeginningOfStream = 0x02;

    public int Length => HeaderLength + BodyLength;

    /// <summary>Parses the header in <paramref name="bytes"/> (which must hold the whole lacing table).</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out OggPage page)
    {
        page = default;
        if (bytes.Length < FixedHeader || !bytes.StartsWith("OggS"u8) || bytes[4] != 0)
        {
            return false;
        }

        var segments = bytes[26];
        if (bytes.Length < FixedHeader + segments)
        {
            return false;
        }

        var body = 0;
        foreach (var lacing in bytes.Slice(FixedHeader, segments))
        {
            body += lacing;
        }

        page = new OggPage(bytes[5], BinaryPrimitives.ReadInt64LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt32LittleEndian(bytes[14..]), FixedHeader + segments, body);
        return true;
    }

    /// <summary>The length of the page's first packet, when it ends on this page.</summary>
    public static int? FirstPacketLength(ReadOnlySpan<byte> header)
    {
        var length = 0;
        foreach (var lacing in header[FixedHeader..])
        {
            length += lacing;
            if (lacing < 255)
            {
                return length;
            }
        }

        return null;
    }

    /// <summary>True when the page's stored CRC matches its bytes (with the CRC field taken as zero).</summary>
    public static bool HasValidCrc(ReadOnlySpan<byte> whole)
    {
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(whole[22..]);
        var crc = OggCrc.Compute(whole[..22]);
        crc = OggCrc.Compute([0, 0, 0, 0], crc);
        return OggCrc.Compute(whole[26..], crc) == stored;
    }
}
