using System.Buffers.Binary;

namespace KieBot.Telegram.Media;

/// <summary>
/// HEIF (HEIC, AVIF): <c>ftyp</c> first, with a HEIF brand; then the top-level <c>meta</c> (a full box) gives the primary
/// item (<c>pitm</c>), and <c>iprp</c> the item properties (<c>ipco</c>, 1-based) and which belong to which item
/// (<c>ipma</c>). The primary item's <c>ispe</c> is the size, so a grid image (as phones write them) gives the grid's,
/// not a tile's; its <c>irot</c> of a quarter or three quarters swaps the sides. No <c>ispe</c> for the primary item is a
/// corrupt file: a property of another item is never taken instead.
/// </summary>
internal static class HeifSize
{
    private const int MaxFtyp = 4096;
    private const int MaxBoxes = 4096;
    private const int MaxIpma = 64 * 1024;
    private const uint Ispe = 0x69737065;
    private const uint Irot = 0x69726F74;

    /// <summary>The format the <c>ftyp</c> box's brands name (a codec brand, major first, before a bare <c>mif1</c>), or null when it is not HEIF.</summary>
    public static string? Format(MediaSource source)
    {
        Span<byte> header = stackalloc byte[8];
        if (!source.ReadExactly(0, header) || !header[4..].SequenceEqual("ftyp"u8))
        {
            return null;
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (size < 16 || size > MaxFtyp || size > source.Length)
        {
            return null;
        }

        var body = source.Read(8, (int)size - 8);
        if (body.Length != size - 8)
        {
            return null;
        }

        // The major brand, the minor version (skipped), then the compatible brands.
        string? generic = null;
        for (var at = 0; at + 4 <= body.Length; at += at == 0 ? 8 : 4)
        {
            var brand = body.AsSpan(at, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return ImageDimensions.Avif;
            }

            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8) ||
                brand.SequenceEqual("heis"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("hevx"u8))
            {
                return ImageDimensions.Heic;
            }

            if (brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            {
                generic = ImageDimensions.Heif;
            }
        }

        return generic;
    }

    public static ImageDimensions? Read(MediaSource source)
    {
        if (Format(source) is not { } format || Find(source, 0, source.Length, "meta"u8) is not { } meta || meta.End - meta.Body < 4)
        {
            return null;
        }

        var children = meta.Body + 4;
        if (Find(source, children, meta.End, "pitm"u8) is not { } pitm || Primary(source, pitm) is not { } primary)
        {
            return null;
        }

        if (Find(source, children, meta.End, "iprp"u8) is not { } iprp ||
            Find(source, iprp.Body, iprp.End, "ipco"u8) is not { } ipco ||
            Find(source, iprp.Body, iprp.End, "ipma"u8) is not { } ipma ||
            ipma.End - ipma.Body > MaxIpma ||
            Associations(source.Read(ipma.Body, (int)(ipma.End - ipma.Body)), primary) is not { } properties)
        {
            return null;
        }

        (uint Width, uint Height)? extent = null;
        var quarterTurn = false;
        Span<byte> bytes = stackalloc byte[12];
        var at = ipco.Body;
        for (var index = 1; index <= MaxBoxes && Next(source, at, ipco.End) is { } property; index++, at = property.End)
        {
            if (!properties.Contains(index))
            {
                continue;
            }

            var length = property.End - property.Body;
            if (property.Type == Ispe && extent is null && length >= 12 && source.ReadExactly(property.Body, bytes))
            {
                extent = (BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]));
            }
            else if (property.Type == Irot && length >= 1 && source.ReadExactly(property.Body, bytes[..1]))
            {
                quarterTurn = (bytes[0] & 1) == 1;
            }
        }

        return extent is { } size ? ImageDimensions.Of(size.Width, size.Height, format, swap: quarterTurn) : null;
    }

    /// <summary>The primary item's ID: a full box, then 16 bits (version 0) or 32.</summary>
    private static uint? Primary(MediaSource source, Box pitm)
    {
        Span<byte> body = stackalloc byte[8];
        var length = (int)Math.Min(body.Length, pitm.End - pitm.Body);
        if (!source.ReadExactly(pitm.Body, body[..length]))
        {
            return null;
        }

        return body[..length] switch
        {
            [0, _, _, _, _, _, ..] => BinaryPrimitives.ReadUInt16BigEndian(body[4..]),
            [_, _, _, _, _, _, _, _] => BinaryPrimitives.ReadUInt32BigEndian(body[4..]),
            _ => null,
        };
    }

    /// <summary>
    /// The 1-based <c>ipco</c> indices of <paramref name="item"/>'s properties from the <c>ipma</c> body: a full box, an entry
    /// count, then per entry the item ID (16 bits in version 0, else 32), an association count and the associations
    /// (the essential bit and a 7-bit index, or 15-bit with flag 1). Null when the body is cut short or the item has none.
    /// </summary>
    private static HashSet<int>? Associations(byte[] ipma, uint item)
    {
        if (ipma.Length < 8)
        {
            return null;
        }

        var version = ipma[0];
        var wide = (ipma[3] & 1) == 1;
        var entries = BinaryPrimitives.ReadUInt32BigEndian(ipma.AsSpan(4));
        var at = 8;
        for (var entry = 0u; entry < entries; entry++)
        {
            var idLength = version == 0 ? 2 : 4;
            if (ipma.Length - at < idLength + 1)
            {
                return null;
            }

            var id = version == 0 ? BinaryPrimitives.ReadUInt16BigEndian(ipma.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(ipma.AsSpan(at));
            int count = ipma[at + idLength];
            at += idLength + 1;
            var associationLength = wide ? 2 : 1;
            if (ipma.Length - at < count * associationLength)
            {
                return null;
            }

            if (id == item)
            {
                var indices = new HashSet<int>();
                for (var i = 0; i < count; i++, at += associationLength)
                {
                    indices.Add(wide ? BinaryPrimitives.ReadUInt16BigEndian(ipma.AsSpan(at)) & 0x7FFF : ipma[at] & 0x7F);
                }

                return indices;
            }

            at += count * associationLength;
        }

        return null;
    }

    /// <summary>The first box of <paramref name="type"/> among the boxes in [start, end), or null when absent or a size is corrupt.</summary>
    private static Box? Find(MediaSource source, long start, long end, ReadOnlySpan<byte> type)
    {
        var wanted = BinaryPrimitives.ReadUInt32BigEndian(type);
        var at = start;
        for (var box = 0; box < MaxBoxes && Next(source, at, end) is { } next; box++, at = next.End)
        {
            if (next.Type == wanted)
            {
                return next;
            }
        }

        return null;
    }

    /// <summary>The box at <paramref name="at"/> (a 32-bit size, its type, a 64-bit size when the first is 1, to the end when 0), or null when it does not fit before <paramref name="end"/>.</summary>
    private static Box? Next(MediaSource source, long at, long end)
    {
        Span<byte> header = stackalloc byte[16];
        if (end - at < 8 || !source.ReadExactly(at, header[..8]))
        {
            return null;
        }

        long size = BinaryPrimitives.ReadUInt32BigEndian(header);
        var headerLength = 8;
        if (size == 1)
        {
            if (end - at < 16 || !source.ReadExactly(at + 8, header[8..]))
            {
                return null;
            }

            var large = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            size = large > long.MaxValue ? -1 : (long)large;
            headerLength = 16;
        }
        else if (size == 0)
        {
            size = end - at;
        }

        if (size < headerLength || size > end - at)
        {
            return null;
        }

        return new Box(BinaryPrimitives.ReadUInt32BigEndian(header[4..]), at + headerLength, at + size);
    }

    /// <summary>A box's type (its four characters as a big-endian number), its body (after its header) and its end, both absolute offsets.</summary>
    private readonly record struct Box(uint Type, long Body, long End);
}
