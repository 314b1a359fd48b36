namespace KieBot.Tests.Media;

/// <summary>
/// Tiny images from real encoders (ImageMagick 6.9.11, libwebp cwebp 1.2.4, libheif heif-enc 1.15.1, libavif avifenc 0.11.1,
/// exiftool 12.57), base64 as they were written: a 5 × 3 gradient unless said otherwise.
/// </summary>
internal static class ImageFixtures
{
    /// <summary>Baseline (SOF0) with JFIF APP0, 5 × 3: <c>convert -size 5x3 gradient:red-blue -strip -quality 50</c>.</summary>
    public static byte[] Jpeg => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19i" +
        "Z2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj" +
        "Y2NjY2NjY2P/wAARCAADAAUDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAYEAEAAwEAAAAAAAAAAAAAAAAAAQMU" +
        "Uv/EABUBAQEAAAAAAAAAAAAAAAAAAAIG/8QAGREAAQUAAAAAAAAAAAAAAAAAAQADFFKR/9oADAMBAAIRAxEAPwCS0W9yAtIrFBgQ" +
        "kvXOlf/Z");

    /// <summary>Progressive (SOF2), 5 × 3: the same with <c>-interlace Plane</c>.</summary>
    public static byte[] ProgressiveJpeg => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19i" +
        "Z2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj" +
        "Y2NjY2NjY2P/wgARCAADAAUDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAVAQEBAAAAAAAAAAAAAAAAAAACBf/a" +
        "AAwDAQACEAMQAAABkC0f/8QAFhAAAwAAAAAAAAAAAAAAAAAAAAES/9oACAEBAAEFAqZ//8QAFxEAAwEAAAAAAAAAAAAAAAAAAAIT" +
        "Uf/aAAgBAwEBPwGj6f/EABcRAAMBAAAAAAAAAAAAAAAAAAACE1H/2gAIAQIBAT8BkmH/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oA" +
        "CAEBAAY/An//xAAVEAEBAAAAAAAAAAAAAAAAAAAAYf/aAAgBAQABPyGj/9oADAMBAAIAAwAAABD3/8QAFxEAAwEAAAAAAAAAAAAA" +
        "AAAAAAFhkf/aAAgBAwEBPxC3Wf/EABcRAAMBAAAAAAAAAAAAAAAAAAABYZH/2gAIAQIBAT8QjxH/xAAVEAEBAAAAAAAAAAAAAAAA" +
        "AAAAYf/aAAgBAQABPxCt/9k=");

    /// <summary><see cref="Jpeg"/> after <c>exiftool -Orientation=6 -n -Make=KieTest</c>: JFIF APP0, then a big-endian EXIF APP1 (six IFD0 entries, Orientation second), then DQT and SOF0; stored 5 × 3, shown 3 × 5.</summary>
    public static byte[] ExifRotatedJpeg => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/4QB2RXhpZgAATU0AKgAAAAgABgEPAAIAAAAIAAAAVgESAAMAAAABAAYAAAEaAAUAAAABAAAA" +
        "XgEbAAUAAAABAAAAZgEoAAMAAAABAAEAAAITAAMAAAABAAEAAAAAAABLaWVUZXN0AAAAAAEAAAABAAAAAQAAAAH/2wBDABALDA4M" +
        "ChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9j" +
        "QjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAADAAUDASIAAhEBAxEB/8QA" +
        "FQABAQAAAAAAAAAAAAAAAAAAAAb/xAAYEAEAAwEAAAAAAAAAAAAAAAAAAQMUUv/EABUBAQEAAAAAAAAAAAAAAAAAAAIG/8QAGREA" +
        "AQUAAAAAAAAAAAAAAAAAAQADFFKR/9oADAMBAAIRAxEAPwCS0W9yAtIrFBgQkvXOlf/Z");

    /// <summary>5 × 3 RGB 16-bit: <c>convert -size 5x3 gradient:red-blue -strip</c>.</summary>
    public static byte[] Png => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAUAAAADEAIAAACExI7sAAAAHElEQVQI12P8/58BD2BsYGBgaMAtzcDAwIDbBAAlPAUAcZJSeQAA" +
        "AABJRU5ErkJggg==");

    /// <summary>GIF89a, 5 × 3: <c>convert … -strip -colors 4</c>.</summary>
    public static byte[] Gif => Convert.FromBase64String("R0lGODlhBQADAPEAAP8AAAAA/4AAgAAAACH5BAAAAAAALAAAAAAFAAMAAAIFhC2ZwVwAOw==");

    /// <summary>BITMAPINFOHEADER (40 bytes), 24-bit, bottom-up, 5 × 3: <c>convert … -type TrueColor BMP3:</c>.</summary>
    public static byte[] Bmp => Convert.FromBase64String(
        "Qk1mAAAAAAAAADYAAAAoAAAABQAAAAMAAAABABgAAAAAADAAAAAAAAAAAAAAAAAAAAAAAAAA/wAA/wAA/wAA/wAA/wAAAIAAgIAA" +
        "gIAAgIAAgIAAgAAAAP8AAP8AAP8AAP8AAP8A");

    /// <summary>BITMAPV5HEADER (124 bytes), 24-bit, 5 × 3: <c>convert … -type TrueColor</c>.</summary>
    public static byte[] BmpV5 => Convert.FromBase64String(
        "Qk26AAAAAAAAAIoAAAB8AAAABQAAAAMAAAABABgAAAAAADAAAAAAAAAAAAAAAAAAAAAAAAAAAAD/AAD/AAD/AAAAAAAA/0JHUnMA" +
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAAAAAAAAAAA/wAA/wAA/wAA/wAA" +
        "/wAAAIAAgIAAgIAAgIAAgIAAgAAAAP8AAP8AAP8AAP8AAP8A");

    /// <summary>VP8 (lossy), 5 × 3: <c>cwebp -q 50</c>.</summary>
    public static byte[] WebpLossy => Convert.FromBase64String(
        "UklGRlwAAABXRUJQVlA4IFAAAADQAgCdASoFAAMAAsBMJaizAAqRwgP4BhAHr/3YAEXIAP7zrpy9xr9zdEnRV15rR//pQU+MrSb/" +
        "/8UFPjK0m///Wh/02/TSD3TzSELsGqAAAA==");

    /// <summary>VP8L (lossless), 5 × 3: <c>cwebp -lossless</c>.</summary>
    public static byte[] WebpLossless => Convert.FromBase64String("UklGRjAAAABXRUJQVlA4TCMAAAAvBIAAABcQAoKi65YTkCT4vOfNf/gUEGTbbHO85Ikj+h/zAQA=");

    /// <summary>VP8X with ALPH and VP8, 5 × 3 half-transparent: <c>cwebp -q 50 -alpha_q 50</c>.</summary>
    public static byte[] WebpExtended => Convert.FromBase64String(
        "UklGRlwAAABXRUJQVlA4WAoAAAAQAAAABAAAAgAAQUxQSAoAAAARB9C/iAhERP8DVlA4ICwAAACQAQCdASoFAAMAAsBMJaACdLoA" +
        "A5gA/u5DH+5sc4twV/9tD/9aH/60P+lAAA==");

    /// <summary>VP8L, 4000 × 3000 of one colour: <c>cwebp -lossless</c> (sides past 8 bits of each 14-bit field).</summary>
    public static byte[] WebpLossless4000x3000 => Convert.FromBase64String(
        "UklGRggCAABXRUJQVlA4TPsBAAAvn8/tAgdQs840s/9hLIFA0v7qA0RE6i0Fbdsw5c9+11JE/ycASJL//4MQEZGS5z/+899///3n" +
        "P//9999//vPff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999/" +
        "//3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999/" +
        "//3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999/" +
        "//3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999/" +
        "//3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999/" +
        "//3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///ffff//9999///3333///fef//z333//" +
        "OxsA");

    /// <summary>HEIC, 5 × 3: <c>heif-enc -q 50</c> writes a grid (item 2, primary) of one 64 × 64 tile (item 1), and the tile's <c>ispe</c> comes first in <c>ipco</c>.</summary>
    public static byte[] HeicGrid => Convert.FromBase64String(
        "AAAAGGZ0eXBoZWljAAAAAG1pZjFoZWljAAABrG1ldGEAAAAAAAAAIWhkbHIAAAAAAAAAAHBpY3QAAAAAAAAAAAAAAAAAAAAADnBp" +
        "dG0AAAAAAAIAAAAQaWRhdAAAAAAABQADAAAAOGlsb2MBAAAAREAAAgABAAAAAAAAAcwAAQAAAAAAAABBAAIAAQAAAAAAAAABAAAA" +
        "AAAAAAgAAAA4aWluZgAAAAAAAgAAABVpbmZlAgAAAQABAABodmMxAAAAABVpbmZlAgAAAAACAABncmlkAAAAANdpcHJwAAAAtWlw" +
        "Y28AAAB1aHZjQwEECAAAAAAAAAAAAB7wAPz9+voAAA8DIAABABdAAQwB//8ECAAAAwCduAAAAwAAHroCQCEAAQAqQgEBBAgAAAMA" +
        "nbgAAAMAAB6gIIEE2W6q6a5uBAQMCAAAAwAIAAADAAhAIgABAAZEAcFzwYkAAAAUaXNwZQAAAAAAAABAAAAAQAAAABRpc3BlAAAA" +
        "AAAAAAUAAAADAAAAEHBpeGkAAAAAAwoKCgAAABppcG1hAAAAAAAAAAIAAQKBAgACAgOEAAAAGmlyZWYAAAAAAAAADmRpbWcAAgAB" +
        "AAEAAABJbWRhdAAAAD0oAa8TIXjCwOcorY6qnjYqihd9TV2t6AOW7kSE2S9n6+NZVAcQ7bfox+S2dMzeFL6Ipc9UoFH8gIjv000w");

    /// <summary>AVIF, 5 × 3: <c>avifenc -s 10 --min 40 --max 50</c>.</summary>
    public static byte[] Avif => Convert.FromBase64String(
        "AAAAHGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZgAAAPJtZXRhAAAAAAAAAChoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAbGli" +
        "YXZpZgAAAAAOcGl0bQAAAAAAAQAAAB5pbG9jAAAAAEQAAAEAAQAAAAEAAAEWAAAAJgAAAChpaW5mAAAAAAABAAAAGmluZmUCAAAA" +
        "AAEAAGF2MDFDb2xvcgAAAABqaXBycAAAAEtpcGNvAAAAFGlzcGUAAAAAAAAABQAAAAMAAAAQcGl4aQAAAAADDAwMAAAADGF2MUOB" +
        "QGAAAAAAE2NvbHJuY2x4AAEADQAGgAAAABdpcG1hAAAAAAAAAAEAAQQBAoMEAAAALm1kYXQSAAoIWAhkxoCGg0QyGBtAI444xABG" +
        "dkikdmoZeyKc3beAY/udgA==");

    /// <summary>The same with <c>--irot 1</c> (a quarter turn anticlockwise): shown 3 × 5.</summary>
    public static byte[] AvifRotated => Convert.FromBase64String(
        "AAAAHGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZgAAAPxtZXRhAAAAAAAAAChoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAbGli" +
        "YXZpZgAAAAAOcGl0bQAAAAAAAQAAAB5pbG9jAAAAAEQAAAEAAQAAAAEAAAEgAAAAJgAAAChpaW5mAAAAAAABAAAAGmluZmUCAAAA" +
        "AAEAAGF2MDFDb2xvcgAAAAB0aXBycAAAAFRpcGNvAAAAFGlzcGUAAAAAAAAABQAAAAMAAAAQcGl4aQAAAAADDAwMAAAADGF2MUOB" +
        "QGAAAAAAE2NvbHJuY2x4AAEADQAGgAAAAAlpcm90AQAAABhpcG1hAAAAAAAAAAEAAQUBAoMEhQAAAC5tZGF0EgAKCFgIZMaAhoNE" +
        "MhgbQCOOOMQARnZIpHZqGXsinN23gGP7nYA=");
}
