using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// JPEG: the markers after SOI are walked, each segment skipped by its length, to the first frame header (SOF0–SOF15
/// but C4 DHT, C8 JPG and CC DAC), whose lines and samples per line are the size; its length must be 8 + 3 × components,
/// as decoders require. The first <c>Exif</c> APP1 segment on the way gives the orientation: 5–8 swap the sides.
/// Scan data (SOS), a second SOI or EOI before any frame header is a corrupt file, and so are more than 1024 segments or
/// 64 fill bytes before one marker (real files have a few dozen segments at most).
/// </summary>
internal static class JpegSize
{
    private const byte Sof0 = 0xC0;
    private const byte Sof15 = 0xCF;
    private const byte Dht = 0xC4;
    private const byte Jpg = 0xC8;
    private const byte Dac = 0xCC;
    private const byte Rst0 = 0xD0;
    private const byte Rst7 = 0xD7;
    private const byte Soi = 0xD8;
    private const byte Eoi = 0xD9;
    private const byte Sos = 0xDA;
    private const byte App1 = 0xE1;
    private const byte Tem = 0x01;
    private const byte Fill = 0xFF;
    private const int MaxSegments = 1024;
    private const int MaxFill = 64;

    public static ImageDimensions? Read(MediaSource source)
    {
        Span<byte> bytes = stackalloc byte[8];
        int? orientation = null;
        long at = 2;
        for (var segment = 0; segment < MaxSegments; segment++)
        {
            if (Marker(source, ref at) is not { } marker)
            {
                return null;
            }

            if (marker is Tem or (>= Rst0 and <= Rst7))
            {
                continue;
            }

            if (marker is 0 or Soi or Eoi or Sos || !source.ReadExactly(at, bytes[..2]))
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes);
            if (length < 2 || length > source.Length - at)
            {
                return null;
            }

            if (marker is >= Sof0 and <= Sof15 and not (Dht or Jpg or Dac))
            {
                // Lf, P, Y (lines), X (samples per line), Nf, then 3 bytes per component.
                if (length < 8 || !source.ReadExactly(at + 2, bytes[..6]) || bytes[5] == 0 || length != 8 + (3 * bytes[5]))
                {
                    return null;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes[3..]);
                return ImageDimensions.Of(width, height, ImageDimensions.Jpeg, swap: orientation is >= 5 and <= 8);
            }

            if (marker == App1 && orientation is null)
            {
                orientation = Exif.Orientation(source, at + 2, at + length);
            }

            at += length;
        }

        return null;
    }

    /// <summary>The marker code at <paramref name="at"/> (0xFF, any fill bytes 0xFF, the code), moving past it; null when there is none.</summary>
    private static byte? Marker(MediaSource source, ref long at)
    {
        Span<byte> bytes = stackalloc byte[2];
        if (!source.ReadExactly(at, bytes) || bytes[0] != Fill)
        {
            return null;
        }

        for (var fill = 0; bytes[1] == Fill; fill++)
        {
            at++;
            if (fill == MaxFill || !source.ReadExactly(at, bytes))
            {
                return null;
            }
        }

        at += 2;
        return bytes[1];
    }
}
