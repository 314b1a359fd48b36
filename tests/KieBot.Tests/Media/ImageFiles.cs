using System.Buffers.Binary;
using static KieBot.Tests.Media.MediaFiles;

namespace KieBot.Tests.Media;

/// <summary>Image headers written byte by byte, as each format lays them out, and edits of the real files in <see cref="ImageFixtures"/>.</summary>
internal static class ImageFiles
{
    public static byte[] U16Be(int value) => [(byte)(value >> 8), (byte)value];

    public static byte[] I32Le(int value) => BitConverter.GetBytes(value);

    // JPEG ---------------------------------------------------------------------------------------------

    /// <summary>A marker segment: FF, the marker, a length counting itself, the body.</summary>
    public static byte[] Segment(byte marker, byte[] body) => Concat([0xFF, marker], U16Be(body.Length + 2), body);

    /// <summary>The JPEG with <paramref name="segments"/> put right after its SOI.</summary>
    public static byte[] AfterSoi(byte[] jpeg, params byte[][] segments) => Concat(jpeg[..2], Concat(segments), jpeg[2..]);

    /// <summary>Where the JPEG's first FF C0 (its SOF0 marker) is.</summary>
    public static int Sof0At(byte[] jpeg) => jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);

    /// <summary>A copy of a JPEG whose SOF0 says another marker, or other lines and samples per line.</summary>
    public static byte[] WithFrame(byte[] jpeg, byte? marker = null, int? width = null, int? height = null)
    {
        var copy = jpeg.ToArray();
        var at = Sof0At(copy);
        copy[at + 1] = marker ?? copy[at + 1];
        if (height is { } lines)
        {
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 5), (ushort)lines);
        }

        if (width is { } samples)
        {
            BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(at + 7), (ushort)samples);
        }

        return copy;
    }

    /// <summary>
    /// An APP1 EXIF segment: "Exif\0\0", a TIFF header in either byte order, IFD0 with <paramref name="entriesBefore"/>
    /// other SHORT entries and then Orientation (type SHORT unless <paramref name="type"/> says otherwise), no next IFD.
    /// </summary>
    public static byte[] ExifSegment(int orientation, bool littleEndian, int entriesBefore = 2, ushort type = 3)
    {
        byte[] U16(int value) => littleEndian ? BitConverter.GetBytes((ushort)value) : U16Be(value);
        byte[] U32(uint value) => littleEndian ? U32Le(value) : U32Be(value);
        byte[] Entry(int tag, ushort entryType, int value) => Concat(U16(tag), U16(entryType), U32(1), U16(value), [0, 0]);

        var entries = Enumerable.Range(0, entriesBefore).Select(i => Entry(0x0100 + i, 3, 77)).Append(Entry(0x0112, type, orientation)).ToArray();
        var tiff = Concat(Ascii(littleEndian ? "II" : "MM"), U16(42), U32(8), U16(entries.Length), Concat(entries), U32(0));
        return Segment(0xE1, Concat(Ascii("Exif\0\0"), tiff));
    }

    public static byte[] XmpSegment() => Segment(0xE1, Concat(Ascii("http://ns.adobe.com/xap/1.0/\0"), Ascii("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>")));

    // PNG ----------------------------------------------------------------------------------------------

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A chunk: length, type, data, CRC-32 of type and data.</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        var typeAndData = Concat(Ascii(type), data);
        return Concat(U32Be((uint)data.Length), typeAndData, U32Be(Crc32(typeAndData)));
    }

    public static byte[] Png(uint width, uint height, byte bitDepth = 8, byte colourType = 6, byte interlace = 0) =>
        Concat(PngSignature, PngChunk("IHDR", Concat(U32Be(width), U32Be(height), [bitDepth, colourType, 0, 0, interlace])), PngChunk("IEND", []));

    private static uint Crc32(byte[] bytes)
    {
        var crc = uint.MaxValue;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
            }
        }

        return ~crc;
    }

    // BMP ----------------------------------------------------------------------------------------------

    /// <summary>"BM", a file header, a DIB header of <paramref name="dibLength"/> bytes (12: the core header with 16-bit sides), 24-bit pixels.</summary>
    public static byte[] Bmp(int width, int height, int dibLength = 40, int planes = 1)
    {
        var dib = dibLength == 12
            ? Concat(U32Le(12), U16Le(width), U16Le(height), U16Le(planes), U16Le(24))
            : Concat(U32Le((uint)dibLength), I32Le(width), I32Le(height), U16Le(planes), U16Le(24), new byte[dibLength - 16]);
        var pixels = new byte[16];
        var offset = 14 + dib.Length;
        return Concat(Ascii("BM"), U32Le((uint)(offset + pixels.Length)), new byte[4], U32Le((uint)offset), dib, pixels);
    }

    // WebP ---------------------------------------------------------------------------------------------

    /// <summary>RIFF, its size, WEBP, then the chunks (each fourCC, size, data, a pad byte when odd).</summary>
    public static byte[] Webp(params byte[][] chunks)
    {
        var body = Concat(Ascii("WEBP"), Concat(chunks));
        return Concat(Ascii("RIFF"), U32Le((uint)body.Length), body);
    }

    /// <summary>VP8X: flags, 3 reserved bytes, canvas width − 1 and height − 1 in 24 bits each.</summary>
    public static byte[] Vp8x(int widthMinusOne, int heightMinusOne, byte flags = 0x10) =>
        RiffChunk("VP8X", Concat([flags, 0, 0, 0], U32Le((uint)widthMinusOne)[..3], U32Le((uint)heightMinusOne)[..3]));

    /// <summary>VP8L: the signature 0x2F, then 14-bit width − 1, 14-bit height − 1, alpha and a 3-bit version, then some image data.</summary>
    public static byte[] Vp8l(int width, int height, uint version = 0) =>
        RiffChunk("VP8L", Concat([0x2F], U32Le((uint)(width - 1) | ((uint)(height - 1) << 14) | (version << 29)), new byte[4]));

    /// <summary>
    /// VP8: a frame tag (key frame, profile 0, shown, first partition of 10 bytes), the start code 9D 01 2A, then 14-bit width
    /// and height with 2-bit scales, then the partition.
    /// </summary>
    public static byte[] Vp8(int width, int height, int scale = 0, bool keyFrame = true)
    {
        var tag = (10 << 5) | (1 << 4) | (keyFrame ? 0 : 1);
        return RiffChunk("VP8 ", Concat([(byte)tag, (byte)(tag >> 8), (byte)(tag >> 16), 0x9D, 0x01, 0x2A], U16Le(width | (scale << 14)), U16Le(height | (scale << 14)), new byte[10]));
    }

    // HEIF ---------------------------------------------------------------------------------------------

    public static byte[] FullBox(string type, byte version, int flags, params byte[][] content) =>
        Box(type, [version, (byte)(flags >> 16), (byte)(flags >> 8), (byte)flags], Concat(content));

    public static byte[] Ispe(uint width, uint height) => FullBox("ispe", 0, 0, U32Be(width), U32Be(height));

    public static byte[] Irot(int angle) => Box("irot", [(byte)angle]);

    public static byte[] Pitm(uint item, byte version = 0) => FullBox("pitm", version, 0, version == 0 ? U16Be((int)item) : U32Be(item));

    /// <summary>ipma: per item its ID (16-bit in version 0) and its 1-based property indices (15-bit with flag 1, else 7-bit), the essential bit on the first.</summary>
    public static byte[] Ipma(byte version, int flags, params (uint Item, int[] Properties)[] entries)
    {
        var wide = (flags & 1) == 1;
        var body = entries.Select(entry => Concat(
            version == 0 ? U16Be((int)entry.Item) : U32Be(entry.Item),
            [(byte)entry.Properties.Length],
            Concat(entry.Properties.Select((index, i) => wide ? U16Be(index | (i == 0 ? 0x8000 : 0)) : [(byte)(index | (i == 0 ? 0x80 : 0))]).ToArray())));
        return FullBox("ipma", version, flags, U32Be((uint)entries.Length), Concat(body.ToArray()));
    }

    /// <summary>ftyp with the brands, then meta: hdlr pict, pitm, iprp (ipco with the properties, ipma), then a little mdat.</summary>
    public static byte[] Heif(string[] brands, byte[] pitm, byte[][] properties, byte[] ipma)
    {
        var ftyp = Box("ftyp", Ascii(brands[0]), U32Be(0), Concat(brands.Select(Ascii).ToArray()));
        var hdlr = FullBox("hdlr", 0, 0, U32Be(0), Ascii("pict"), new byte[13]);
        var meta = FullBox("meta", 0, 0, hdlr, pitm, Box("iprp", Box("ipco", Concat(properties)), ipma));
        return Concat(ftyp, meta, Box("mdat", new byte[32]));
    }
}
