using KieBot.Telegram;
using static KieBot.Tests.Media.ImageFiles;
using static KieBot.Tests.Media.ImageSizeTests;
using static KieBot.Tests.Media.MediaFiles;

namespace KieBot.Tests.Media;

/// <summary>PNG, GIF, BMP, WebP and HEIF headers written byte by byte, and real files edited where a field is wrong.</summary>
public sealed class ImageSizeFormatTests
{
    [Fact]
    public void Png_is_its_ihdr_sides_up_to_65535()
    {
        Assert.Equal(new ImageDimensions(65535, 1, ImageDimensions.Png), Read(Png(65535, 1)));
        Assert.Equal((1, 65535), Sides(Png(1, 65535, bitDepth: 1, colourType: 0, interlace: 1)));
        Assert.Equal((300, 20000), Sides(Png(300, 20000, bitDepth: 4, colourType: 3)));
        Assert.Null(ImageSize.Read(Png(65536, 10)));
        Assert.Null(ImageSize.Read(Png(10, 0)));
        Assert.Null(ImageSize.Read(Png(uint.MaxValue, 10)));
    }

    [Fact]
    public void Png_whose_first_chunk_is_not_ihdr_or_whose_ihdr_is_damaged_is_null()
    {
        var otherFirst = Concat(PngSignature, PngChunk("gAMA", U32Be(45455)), Png(5, 3)[8..]);
        var lowercase = Concat(PngSignature, PngChunk("ihdr", Concat(U32Be(5), U32Be(3), [8, 6, 0, 0, 0])));
        var longer = Concat(PngSignature, PngChunk("IHDR", Concat(U32Be(5), U32Be(3), [8, 6, 0, 0, 0, 0])));
        var badCrc = ImageFixtures.Png;
        badCrc[32] ^= 1;
        var badDepth = Png(5, 3, bitDepth: 3, colourType: 0);
        var badColour = Png(5, 3, bitDepth: 8, colourType: 5);
        var palette16 = Png(5, 3, bitDepth: 16, colourType: 3);
        var badInterlace = Png(5, 3, interlace: 2);

        foreach (var png in new[] { otherFirst, lowercase, longer, badCrc, badDepth, badColour, palette16, badInterlace })
        {
            Assert.Null(ImageSize.Read(png));
        }
    }

    [Fact]
    public void Gif87a_and_gif89a_are_the_logical_screen()
    {
        var gif87 = ImageFixtures.Gif;
        Write(gif87, 3, Ascii("87a"));
        var large = ImageFixtures.Gif;
        Write(large, 6, [0xFF, 0xFF, 0x00, 0x01]);
        var empty = ImageFixtures.Gif;
        Write(empty, 6, [0, 0]);

        Assert.Equal(new ImageDimensions(5, 3, ImageDimensions.Gif), Read(gif87));
        Assert.Equal((65535, 256), Sides(large));
        Assert.Null(ImageSize.Read(empty));
        Assert.Null(ImageSize.Read(Ascii("GIF90a\u0005\0\u0003\0\0\0\0")));
    }

    [Fact]
    public void Bmp_top_down_height_is_its_absolute_value_and_each_header_version_is_read()
    {
        Assert.Equal(new ImageDimensions(640, 480, ImageDimensions.Bmp), Read(Bmp(640, -480)));
        Assert.Equal((640, 480), Sides(Bmp(640, 480)));
        Assert.Equal((65535, 2), Sides(Bmp(65535, 2, dibLength: 12)));
        foreach (var dibLength in new[] { 52, 56, 64, 108, 124 })
        {
            Assert.Equal((7, 9), Sides(Bmp(7, -9, dibLength)));
        }
    }

    [Fact]
    public void Bmp_with_a_negative_width_or_an_unknown_or_cut_header_is_null()
    {
        var cutHeader = Bmp(5, 3, dibLength: 124)[..100];
        foreach (var bmp in new[] { Bmp(-5, 3), Bmp(5, 0), Bmp(5, int.MinValue), Bmp(70000, 3), Bmp(5, 3, planes: 2), Bmp(5, 3, dibLength: 44), cutHeader })
        {
            Assert.Null(ImageSize.Read(bmp));
        }
    }

    [Fact]
    public void Webp_lossy_sizes_are_14_bits_whatever_their_scale()
    {
        Assert.Equal(new ImageDimensions(16383, 1000, ImageDimensions.Webp), Read(Webp(Vp8(16383, 1000, scale: 3))));
        Assert.Equal((1, 1), Sides(Webp(Vp8(1, 1, scale: 1))));
        Assert.Null(ImageSize.Read(Webp(Vp8(0, 10))));
        Assert.Null(ImageSize.Read(Webp(Vp8(10, 10, keyFrame: false))));

        var badStartCode = ImageFixtures.WebpLossy;
        badStartCode[24] = 0x9E;
        Assert.Null(ImageSize.Read(badStartCode));
    }

    [Fact]
    public void Webp_lossless_sizes_are_14_bits_plus_one_and_version_0()
    {
        Assert.Equal(new ImageDimensions(16384, 16384, ImageDimensions.Webp), Read(Webp(Vp8l(16384, 16384))));
        Assert.Equal((1, 300), Sides(Webp(Vp8l(1, 300))));
        Assert.Null(ImageSize.Read(Webp(Vp8l(10, 10, version: 1))));

        var badSignature = ImageFixtures.WebpLossless;
        badSignature[20] = 0x2E;
        Assert.Null(ImageSize.Read(badSignature));
    }

    [Fact]
    public void Webp_extended_canvas_is_24_bits_plus_one_up_to_65535()
    {
        Assert.Equal(new ImageDimensions(65535, 1, ImageDimensions.Webp), Read(Webp(Vp8x(65534, 0), Vp8l(1, 1))));
        Assert.Equal((1024, 768), Sides(Webp(Vp8x(1023, 767, flags: 0x02), RiffChunk("ANIM", new byte[6]))));
        Assert.Null(ImageSize.Read(Webp(Vp8x(65535, 10))));
        Assert.Null(ImageSize.Read(Webp(Vp8x(0xFFFFFF, 0xFFFFFF))));
    }

    [Fact]
    public void Webp_whose_first_chunk_is_unknown_or_overruns_the_riff_is_null()
    {
        var unknownFirst = Webp(RiffChunk("ALPH", new byte[10]), Vp8l(5, 3));
        var overrun = Webp(Vp8l(5, 3));
        Write(overrun, 16, U32Le(100));
        var riffTooSmall = Webp(Vp8l(5, 3));
        Write(riffTooSmall, 4, U32Le(4));

        foreach (var webp in new[] { unknownFirst, overrun, riffTooSmall })
        {
            Assert.Null(ImageSize.Read(webp));
        }
    }

    [Fact]
    public void Heic_grid_is_the_primary_items_extent_not_its_tiles()
    {
        var heic = ImageFixtures.HeicGrid;
        var tile = heic.AsSpan().IndexOf(Concat(Ascii("ispe"), new byte[4], U32Be(64), U32Be(64)));
        var grid = heic.AsSpan().IndexOf(Concat(Ascii("ispe"), new byte[4], U32Be(5), U32Be(3)));

        Assert.InRange(tile, 0, grid);
        Assert.Equal(new ImageDimensions(5, 3, ImageDimensions.Heic), Read(heic));
    }

    [Fact]
    public void Heif_properties_are_found_through_pitm_and_ipma_in_any_version()
    {
        byte[][] properties = [Box("hvcC", new byte[23]), Ispe(512, 512), Ispe(4032, 3024), Irot(1), Irot(2)];
        var narrow = Heif(["heic", "mif1"], Pitm(49), properties, Ipma(0, 0, (1, [1, 2]), (49, [3, 5])));
        var wide = Heif(["mif1", "heic"], Pitm(70_000, version: 1), properties, Ipma(1, 1, (1, [1, 2]), (70_000, [3, 4])));
        var avif = Heif(["avif", "mif1", "miaf"], Pitm(1), [Box("av1C", new byte[4]), Ispe(1920, 1080)], Ipma(0, 0, (1, [1, 2])));
        var generic = Heif(["mif1"], Pitm(1), [Ispe(100, 200)], Ipma(0, 0, (1, [1])));

        Assert.Equal(new ImageDimensions(4032, 3024, ImageDimensions.Heic), Read(narrow));
        Assert.Equal(new ImageDimensions(3024, 4032, ImageDimensions.Heic), Read(wide));
        Assert.Equal(new ImageDimensions(1920, 1080, ImageDimensions.Avif), Read(avif));
        Assert.Equal(new ImageDimensions(100, 200, ImageDimensions.Heif), Read(generic));
    }

    [Fact]
    public void Heif_without_the_primary_items_extent_or_of_another_brand_is_null()
    {
        byte[][] properties = [Ispe(512, 512), Ispe(4032, 3024)];
        var otherItemsOnly = Heif(["heic"], Pitm(2), properties, Ipma(0, 0, (1, [1, 2])));
        var noPitm = Heif(["heic"], Box("free"), properties, Ipma(0, 0, (1, [2])));
        var indexPastIpco = Heif(["heic"], Pitm(1), properties, Ipma(0, 0, (1, [3])));
        var tooLarge = Heif(["heic"], Pitm(1), [Ispe(70_000, 10)], Ipma(0, 0, (1, [1])));
        var mp4 = Heif(["isom", "mp41"], Pitm(1), properties, Ipma(0, 0, (1, [2])));
        var ipmaCut = Heif(["heic"], Pitm(1), properties, FullBox("ipma", 0, 0, U32Be(3), U16Be(1), [2]));

        foreach (var heif in new[] { otherItemsOnly, noPitm, indexPastIpco, tooLarge, mp4, ipmaCut })
        {
            Assert.Null(ImageSize.Read(heif));
        }
    }
}
