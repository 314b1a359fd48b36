using System.Diagnostics;
using KieBot.Telegram;
using static KieBot.Tests.Media.ImageFiles;
using static KieBot.Tests.Media.MediaFiles;

namespace KieBot.Tests.Media;

/// <summary>Truncated, lying and random input: null, never an exception, never a long loop or a large allocation.</summary>
public sealed class ImageSizeHostileTests
{
    private static readonly byte[][] Valid =
    [
        .. ImageSizeTests.RealFiles().Select(row => ImageSizeTests.Fixture((string)row[0])),
        AfterSoi(ImageFixtures.Jpeg, XmpSegment(), ExifSegment(6, littleEndian: true)),
        Bmp(640, -480, dibLength: 12),
        Webp(Vp8x(1023, 767), Vp8l(1024, 768)),
        Heif(["mif1", "heic"], Pitm(70_000, version: 1), [Ispe(512, 512), Ispe(4032, 3024), Irot(3)], Ipma(1, 1, (1, [1]), (70_000, [2, 3]))),
    ];

    [Fact]
    public void Every_truncation_gives_null_until_the_header_is_whole_and_then_the_whole_files_answer()
    {
        foreach (var file in Valid)
        {
            var whole = ImageSize.Read(file);
            Assert.NotNull(whole);
            var complete = Enumerable.Range(0, file.Length + 1).First(length => ImageSize.Read(file[..length]) is not null);
            for (var length = 0; length < file.Length; length++)
            {
                var cut = file[..length];
                Assert.Equal(length < complete ? null : whole, ImageSize.Read(cut));
                using var forward = new ForwardOnlyStream(cut);
                Assert.Equal(length < complete ? null : whole, ImageSize.Read(forward));
            }
        }
    }

    [Fact]
    public void The_header_is_whole_only_with_its_last_field()
    {
        var jpeg = ImageFixtures.Jpeg;
        var frameEnd = Sof0At(jpeg) + 2 + 17;

        Assert.Equal(frameEnd, Complete(jpeg));
        Assert.Equal(8 + 25, Complete(ImageFixtures.Png));
        Assert.Equal(13, Complete(ImageFixtures.Gif));
        Assert.Equal(14 + 40, Complete(ImageFixtures.Bmp));
        Assert.Equal(14 + 124, Complete(ImageFixtures.BmpV5));
        Assert.Equal(20 + 5, Complete(ImageFixtures.WebpLossless));
        Assert.Equal(20 + 10, Complete(ImageFixtures.WebpLossy));
        Assert.Equal(20 + 10, Complete(ImageFixtures.WebpExtended));
        Assert.Equal(0x1C + 0xF2, Complete(ImageFixtures.Avif));
    }

    [Fact]
    public void Jpeg_segments_that_lie_about_their_length_give_null_quickly()
    {
        var jpeg = ImageFixtures.Jpeg;
        var pastTheEnd = Concat(jpeg[..2], [0xFF, 0xE1, 0xFF, 0xFF], new byte[100]);
        var lengthZero = Concat(jpeg[..2], [0xFF, 0xE0, 0x00, 0x00], jpeg[2..]);
        var lengthOne = Concat(jpeg[..2], [0xFF, 0xE0, 0x00, 0x01], jpeg[2..]);
        var frameTooLong = WithFrame(jpeg);
        frameTooLong[Sof0At(frameTooLong) + 2] = 0xFF;
        var manyEmptySegments = AfterSoi(jpeg, Enumerable.Repeat(Segment(0xFE, []), 200_000).ToArray());
        var endlessFill = Concat(jpeg[..2], Enumerable.Repeat((byte)0xFF, 1_000_000).ToArray(), jpeg[2..]);
        var exifCountHuge = AfterSoi(jpeg, Segment(0xE1, Concat(Ascii("Exif\0\0"), Ascii("MM"), [0, 42], U32Be(8), [0xFF, 0xFF], new byte[12])));
        var watch = Stopwatch.StartNew();

        foreach (var file in new[] { pastTheEnd, lengthZero, lengthOne, frameTooLong, manyEmptySegments, endlessFill })
        {
            Assert.Null(ImageSize.Read(file));
            Assert.Null(ImageSize.Read(new MemoryStream(file)));
        }

        Assert.Equal(new ImageDimensions(5, 3, ImageDimensions.Jpeg), ImageSize.Read(exifCountHuge));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Chunks_and_boxes_that_lie_about_their_size_give_null_quickly()
    {
        var pngHugeIhdr = Concat(PngSignature, U32Be(uint.MaxValue), Ascii("IHDR"), new byte[40]);
        var webpHugeChunk = Concat(Ascii("RIFF"), U32Le(uint.MaxValue), Ascii("WEBP"), Ascii("VP8X"), U32Le(uint.MaxValue), new byte[10]);
        var webpHugeFrame = Webp(Vp8(10, 10));
        Write(webpHugeFrame, 20, [0xF0, 0xFF, 0xFF]);
        var bmpHugeHeader = Concat(Ascii("BM"), new byte[12], U32Le(uint.MaxValue), new byte[100]);
        var ftyp = Box("ftyp", Ascii("heic"), U32Be(0), Ascii("mif1heic"));
        var heifHugeFtyp = Concat(U32Be(uint.MaxValue), Ascii("ftyp"), Ascii("heic"), new byte[100]);
        var heifHugeMeta = Concat(ftyp, U32Be(1_000_000_000), Ascii("meta"), new byte[100]);
        var heifLargeSize = Concat(ftyp, U32Be(1), Ascii("meta"), U64Be(ulong.MaxValue), new byte[100]);
        var heifLargeTooSmall = Concat(ftyp, U32Be(1), Ascii("meta"), U64Be(8), new byte[100]);
        var heifTinyBoxes = Concat(ftyp, Concat(Enumerable.Range(0, 200_000).Select(_ => Box("free")).ToArray()), Box("meta", new byte[20]));
        var heifZeroSizes = Concat(ftyp, Concat(Enumerable.Range(0, 1000).Select(_ => Concat(U32Be(0), Ascii("free"))).ToArray()));
        var heifEndlessIpma = Heif(["heic"], Pitm(9), [Ispe(5, 3)], FullBox("ipma", 0, 0, U32Be(uint.MaxValue), Concat(Enumerable.Repeat(Concat(U16Be(1), [0]), 20_000).ToArray())));
        var heifIpmaTooLarge = Heif(["heic"], Pitm(1), [Ispe(5, 3)], FullBox("ipma", 0, 0, U32Be(1), U16Be(1), [1, 1], new byte[100_000]));
        var heifManyProperties = Heif(["heic"], Pitm(1), Enumerable.Repeat(Box("free"), 100_000).Append(Ispe(5, 3)).ToArray(), Ipma(0, 1, (1, [100_001])));
        var watch = Stopwatch.StartNew();

        var files = new[]
        {
            pngHugeIhdr, webpHugeChunk, webpHugeFrame, bmpHugeHeader, heifHugeFtyp, heifHugeMeta, heifLargeSize, heifLargeTooSmall,
            heifTinyBoxes, heifZeroSizes, heifEndlessIpma, heifIpmaTooLarge, heifManyProperties,
        };
        foreach (var file in files)
        {
            Assert.Null(ImageSize.Read(file));
            Assert.Null(ImageSize.Read(new MemoryStream(file)));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Random_bytes_behind_each_signature_and_random_damage_are_fast_and_never_throw()
    {
        byte[][] signatures =
        [
            [], [0xFF, 0xD8, 0xFF], [0xFF, 0xD8, 0xFF, 0xE1, 0x01, 0x00, .. "Exif\0\0MM\0*\0\0\0\u0008"u8], PngSignature, Ascii("GIF89a"), Ascii("BM"),
            Concat(Ascii("RIFF"), U32Le(4000), Ascii("WEBP")), Box("ftyp", Ascii("heic"), U32Be(0), Ascii("mif1heic")),
        ];
        var random = new Random(20240612);
        var watch = Stopwatch.StartNew();
        foreach (var signature in signatures)
        {
            for (var i = 0; i < 1000; i++)
            {
                var noise = new byte[random.Next(0, 4096)];
                random.NextBytes(noise);
                _ = ImageSize.Read(Concat(signature, noise));
            }
        }

        foreach (var file in Valid)
        {
            for (var i = 0; i < 2000; i++)
            {
                var damaged = file.ToArray();
                for (var hit = random.Next(1, 8); hit > 0; hit--)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                if (ImageSize.Read(damaged) is { } size)
                {
                    Assert.InRange(size.Width, 1, 65535);
                    Assert.InRange(size.Height, 1, 65535);
                }
            }
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Unknown_formats_and_an_endless_unseekable_stream_give_null()
    {
        Assert.Null(ImageSize.Read([]));
        Assert.Null(ImageSize.Read(Ascii("%PDF-1.7\n")));
        Assert.Null(ImageSize.Read(new byte[100_000]));
        Assert.Null(ImageSize.Read(Concat(Ftyp(), Box("moov", Mvhd(0, 1000, 1000)))));
        Assert.Null(ImageSize.Read(new EndlessStream()));
    }

    [Fact]
    public void An_unseekable_image_whose_header_never_ends_is_read_at_most_MaxBufferedBytes()
    {
        var segments = Enumerable.Repeat(Segment(0xE2, new byte[65533]), 400).ToArray();
        using var stream = new ForwardOnlyStream(chunk: int.MaxValue, bytes: Concat(ImageFixtures.Jpeg[..2], Concat(segments), ImageFixtures.Jpeg[2..]));

        Assert.Null(ImageSize.Read(stream));
        Assert.Equal(ImageSize.MaxBufferedBytes, stream.BytesRead);
        Assert.Equal(new ImageDimensions(5, 3, ImageDimensions.Jpeg), ImageSize.Read(Concat(ImageFixtures.Jpeg[..2], Concat(segments), ImageFixtures.Jpeg[2..])));
    }

    private static int Complete(byte[] file) => Enumerable.Range(0, file.Length + 1).First(length => ImageSize.Read(file[..length]) is not null);
}
