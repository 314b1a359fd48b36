using KieBot.Telegram;
using static KieBot.Tests.Media.ImageFiles;
using static KieBot.Tests.Media.ImageSizeTests;
using static KieBot.Tests.Media.MediaFiles;

namespace KieBot.Tests.Media;

/// <summary>JPEG headers: the marker walk to the frame header, and the EXIF orientation on the way.</summary>
public sealed class ImageSizeJpegTests
{
    [Fact]
    public void Progressive_jpeg_is_read_from_its_sof2_frame_header()
    {
        var jpeg = ImageFixtures.ProgressiveJpeg;

        Assert.Equal(-1, Sof0At(jpeg));
        Assert.True(jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC2, 0x00, 0x11, 0x08, 0x00, 0x03, 0x00, 0x05]) > 0);
        Assert.Equal(new ImageDimensions(5, 3, ImageDimensions.Jpeg), Read(jpeg));
    }

    [Fact]
    public void Jpeg_with_an_exif_app1_before_its_frame_is_shown_as_its_orientation_turns_it()
    {
        var jpeg = ImageFixtures.ExifRotatedJpeg;
        var exif = jpeg.AsSpan().IndexOf("Exif\0\0"u8);

        Assert.InRange(exif, 20, Sof0At(jpeg));
        Assert.Equal(new ImageDimensions(3, 5, ImageDimensions.Jpeg), Read(jpeg));
        Assert.Equal(new ImageDimensions(5, 3, ImageDimensions.Jpeg), Read(ImageFixtures.Jpeg));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void Jpeg_orientations_5_to_8_swap_the_sides_and_1_to_4_do_not(int orientation, bool littleEndian)
    {
        var jpeg = AfterSoi(WithFrame(ImageFixtures.Jpeg, width: 4000, height: 3000), ExifSegment(orientation, littleEndian));

        var size = Read(jpeg);

        Assert.Equal(orientation >= 5 ? (3000, 4000) : (4000, 3000), (size.Width, size.Height));
    }

    [Fact]
    public void Jpeg_orientation_is_found_past_an_xmp_app1_and_a_bad_one_leaves_the_frame_as_it_is()
    {
        var behindXmp = AfterSoi(ImageFixtures.Jpeg, XmpSegment(), ExifSegment(6, littleEndian: true, entriesBefore: 10));
        var outOfRange = AfterSoi(ImageFixtures.Jpeg, ExifSegment(9, littleEndian: false));
        var notShort = AfterSoi(ImageFixtures.Jpeg, ExifSegment(6, littleEndian: false, type: 4));
        var laterExifIgnored = AfterSoi(ImageFixtures.Jpeg, ExifSegment(1, littleEndian: true), ExifSegment(6, littleEndian: true));
        var badTiff = AfterSoi(ImageFixtures.Jpeg, Segment(0xE1, Concat(Ascii("Exif\0\0"), Ascii("XX"), new byte[20])));
        var ifdPastSegment = AfterSoi(ImageFixtures.Jpeg, Segment(0xE1, Concat(Ascii("Exif\0\0"), Ascii("MM"), [0, 42], U32Be(0x7FFF_FFF0), new byte[8])));

        Assert.Equal((3, 5), Sides(behindXmp));
        foreach (var jpeg in new[] { outOfRange, notShort, laterExifIgnored, badTiff, ifdPastSegment })
        {
            Assert.Equal((5, 3), Sides(jpeg));
        }
    }

    [Fact]
    public void Jpeg_skips_app_com_tables_restart_markers_and_fill_bytes_to_the_frame()
    {
        var jpeg = AfterSoi(
            WithFrame(ImageFixtures.Jpeg, width: 1920, height: 1080),
            Segment(0xFE, Ascii("a comment")),
            Segment(0xE2, new byte[65533]),
            Segment(0xED, new byte[1000]),
            [0xFF, 0xFF, 0xFF],
            Segment(0xC4, new byte[30]),
            Segment(0xCC, [0x10, 0x11]),
            Segment(0xC8, []),
            Segment(0xDD, [0, 0]),
            [0xFF, 0xD0, 0xFF, 0x01],
            Segment(0xEF, []));

        Assert.Equal(new ImageDimensions(1920, 1080, ImageDimensions.Jpeg), Read(jpeg));
    }

    [Theory]
    [InlineData(0xC1)]
    [InlineData(0xC3)]
    [InlineData(0xC5)]
    [InlineData(0xC6)]
    [InlineData(0xC7)]
    [InlineData(0xC9)]
    [InlineData(0xCA)]
    [InlineData(0xCB)]
    [InlineData(0xCD)]
    [InlineData(0xCE)]
    [InlineData(0xCF)]
    public void Every_jpeg_frame_header_gives_the_size(byte marker)
    {
        Assert.Equal((5, 3), Sides(WithFrame(ImageFixtures.Jpeg, marker)));
    }

    [Theory]
    [InlineData(0xC4)]
    [InlineData(0xC8)]
    [InlineData(0xCC)]
    public void Dht_jpg_and_dac_are_not_frame_headers(byte marker)
    {
        Assert.Null(ImageSize.Read(WithFrame(ImageFixtures.Jpeg, marker)));
    }

    [Fact]
    public void Jpeg_of_zero_lines_a_frame_of_the_wrong_length_or_scan_data_first_is_null()
    {
        var zeroLines = WithFrame(ImageFixtures.Jpeg, height: 0);
        var wrongLength = ImageFixtures.Jpeg;
        wrongLength[Sof0At(wrongLength) + 3]++;
        var scanFirst = AfterSoi(ImageFixtures.Jpeg, Segment(0xDA, new byte[10]));
        var eoiFirst = AfterSoi(ImageFixtures.Jpeg, [0xFF, 0xD9]);
        var noMarker = AfterSoi(ImageFixtures.Jpeg, [0x00]);

        foreach (var jpeg in new[] { zeroLines, wrongLength, scanFirst, eoiFirst, noMarker })
        {
            Assert.Null(ImageSize.Read(jpeg));
        }

        Assert.Equal((65535, 65535), Sides(WithFrame(ImageFixtures.Jpeg, width: 65535, height: 65535)));
    }
}
