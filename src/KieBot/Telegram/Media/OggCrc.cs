namespace KieBot.Telegram.Media;

/// <summary>The OGG page checksum: CRC-32, polynomial 0x04C11DB7, not reflected, initial value 0.</summary>
internal static class OggCrc
{
    private static readonly uint[] Table = Build();

    /// <summary>The CRC of <paramref name="bytes"/>, continuing from <paramref name="crc"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> bytes, uint crc = 0)
    {
        foreach (var b in bytes)
        {
            crc = (crc << 8) ^ Table[(crc >> 24) ^ b];
        }

        return crc;
    }

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }

            table[i] = r;
        }

        return table;
    }
}
