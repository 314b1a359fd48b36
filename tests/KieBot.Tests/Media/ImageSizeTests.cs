using KieBot.Telegram;
using static KieBot.Tests.Media.ImageFiles;
using static KieBot.Tests.Media.MediaFiles;

namespace KieBot.Tests.Media;

/// <summary>Sizes read from the headers of real encoders' files, from bytes and from streams of either kind.</summary>
public sealed class ImageSizeTests
{
    public static TheoryData<string, int, int, string> RealFiles() => new()
    {
        { nameof(ImageFixtures.Jpeg), 5, 3, ImageDimensions.Jpeg },
        { nameof(ImageFixtures.ProgressiveJpeg), 5, 3, ImageDimensions.Jpeg },
        { nameof(ImageFixtures.ExifRotatedJpeg), 3, 5, ImageDimensions.Jpeg },
        { nameof(ImageFixtures.Png), 5, 3, ImageDimensions.Png },
        { nameof(ImageFixtures.Gif), 5, 3, ImageDimensions.Gif },
        { nameof(ImageFixtures.Bmp), 5, 3, ImageDimensions.Bmp },
        { nameof(ImageFixtures.BmpV5), 5, 3, ImageDimensions.Bmp },
        { nameof(ImageFixtures.WebpLossy), 5, 3, ImageDimensions.Webp },
        { nameof(ImageFixtures.WebpLossless), 5, 3, ImageDimensions.Webp },
        { nameof(ImageFixtures.WebpExtended), 5, 3, ImageDimensions.Webp },
        { nameof(ImageFixtures.WebpLossless4000x3000), 4000, 3000, ImageDimensions.Webp },
        { nameof(ImageFixtures.HeicGrid), 5, 3, ImageDimensions.Heic },
        { nameof(ImageFixtures.Avif), 5, 3, ImageDimensions.Avif },
        { nameof(ImageFixtures.AvifRotated), 3, 5, ImageDimensions.Avif },
    };

    public static byte[] Fixture(string name) =>
        (byte[])typeof(ImageFixtures).GetProperty(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Real_encoder_output_reads_its_exact_size_and_format(string name, int width, int height, string format)
    {
        var size = Read(Fixture(name));

        Assert.Equal(new ImageDimensions(width, height, format), size);
    }

    [Fact]
    public void A_stream_that_cannot_seek_gives_the_same_answers_and_a_seekable_one_is_read_from_its_position()
    {
        foreach (var name in RealFiles().Select(row => (string)row[0]))
        {
            var file = Fixture(name);
            using var forward = new ForwardOnlyStream(file);
            using var offset = new MemoryStream(Concat(new byte[37], file));
            offset.Position = 37;

            Assert.Equal(ImageSize.Read(file), ImageSize.Read(forward));
            Assert.Equal(ImageSize.Read(file), ImageSize.Read(offset));
        }
    }

    [Fact]
    public void A_seekable_stream_is_read_only_where_the_header_is()
    {
        var jpeg = Concat(AfterSoi(ImageFixtures.Jpeg, Segment(0xE2, new byte[65533]), Segment(0xE2, new byte[65533])), new byte[1 << 20]);
        using var stream = new CountingStream(jpeg);

        Assert.Equal((5, 3), Sides(ImageSize.Read(stream)));
        Assert.True(stream.BytesRead < 256, $"{stream.BytesRead} bytes read");
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_only_until_its_header_is_whole()
    {
        var appSegments = Enumerable.Range(0, 8).Select(_ => Segment(0xE1, new byte[65533])).ToArray();
        var jpeg = Concat(AfterSoi(ImageFixtures.Jpeg, appSegments), new byte[8 << 20]);
        using var large = new ForwardOnlyStream(chunk: int.MaxValue, bytes: jpeg);
        using var small = new ForwardOnlyStream(chunk: int.MaxValue, bytes: Concat(ImageFixtures.Png, new byte[8 << 20]));

        Assert.Equal((5, 3), Sides(ImageSize.Read(large)));
        Assert.Equal((5, 3), Sides(ImageSize.Read(small)));
        Assert.InRange(large.BytesRead, 8 * 65537, 1 << 20);
        Assert.Equal(64 * 1024, small.BytesRead);
    }

    internal static (int Width, int Height) Sides(byte[] file) => Sides(Read(file));

    internal static (int Width, int Height) Sides(ImageDimensions? size)
    {
        Assert.NotNull(size);
        return (size.Value.Width, size.Value.Height);
    }

    /// <summary>The answer for the bytes, which must be the same for a seekable stream over them.</summary>
    internal static ImageDimensions Read(byte[] file)
    {
        var fromBytes = ImageSize.Read(file);
        using var stream = new MemoryStream(file);
        var fromStream = ImageSize.Read(stream);
        Assert.NotNull(fromBytes);
        Assert.Equal(fromBytes, fromStream);
        return fromBytes.Value;
    }
}
