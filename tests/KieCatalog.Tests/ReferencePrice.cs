using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KieBot.TestSupport.Kie;
using KieCatalog.Catalog;

namespace KieCatalog.Tests;

/// <summary>
/// The credits KIE's published prices give one input of a mode, read from the reference files by the rule in
/// docs/catalog.md ("Where prices come from"): the kie.ai/pricing copy (kie-api.md §7, legacy families in its closing
/// paragraph) wins; the 2025-12 scrape (kie-pricing-credits.json) only prices what the copy does not.
/// </summary>
public static partial class ReferencePrice
{
    /// <summary>Legacy families have no §7 row: the phrase of the closing paragraph right before the default's price.</summary>
    private static readonly Dictionary<ModeDescriptor, string> LegacyMarkers = new()
    {
        [Models.Veo3_1.Quality] = "Quality 720p",
        [Models.Veo3_1.Fast] = "Fast 720p",
        [Models.Veo3_1.Lite] = "Lite 720p",
        [Models.Runway.Generate] = "Runway 5 s 720p",
        [Models.Aleph.Generate] = "Aleph",
        [Models.Gpt4oImage.Generate] = "4o Image",
        [Models.FluxKontext.Pro] = "Flux Kontext Pro",
        [Models.FluxKontext.Max] = "Max",
        [Models.Midjourney.TextToImage] = "fast",
        [Models.Veo3_1.FastExtend] = "Extend Fast",
        [Models.Veo3_1.QualityExtend] = ", Quality",
        [Models.Veo3_1.LiteExtend] = ", Lite",
        [Models.Veo3_1.Get4kVideo] = "Get 4K",
        [Models.Veo3_1.Get1080pVideo] = "Get 1080P",

        // KIE publishes no price of its own for Midjourney's upscale and vary: they are charged as one fast Midjourney task.
        [Models.Midjourney.Upscale] = "fast",
        [Models.Midjourney.Vary] = "fast",
        [Models.SunoLyrics.Lyrics] = "lyrics",
    };

    /// <summary>Suno's endpoints by the words of the closing paragraph that price them (its songs: "generate/extend/cover/upload/add-*").</summary>
    private static readonly Dictionary<string, string> SunoMarkers = new(StringComparer.Ordinal)
    {
        ["/api/v1/generate/mashup"] = "mashup",
        ["/api/v1/wav/generate"] = "WAV",
        ["/api/v1/generate/replace-section"] = "replace section",
        ["/api/v1/vocal-removal/generate"] = "vocal separation",
        ["/api/v1/generate/get-timestamped-lyrics"] = "timestamped lyrics",
    };

    private static string? Marker(ModeDescriptor mode) =>
        LegacyMarkers.TryGetValue(mode, out var marker) ? marker
        : mode.Api == ApiFamily.Suno && (mode.Output == OutputKind.Audio || SunoMarkers.ContainsKey(mode.CreatePath ?? string.Empty))
            ? SunoMarkers.GetValueOrDefault(mode.CreatePath ?? string.Empty, "Suno generate/extend/cover/upload/add-*")
            : null;

    /// <summary>Every amount the references allow for this input (a per-second rate times the input's seconds included).</summary>
    public static IReadOnlyList<decimal> Candidates(ModeDescriptor mode, IModeInput input)
    {
        if (mode.Api == ApiFamily.Suno && mode.CreatePath == "/api/v1/suno/cover/generate")
        {
            // Suno's cover art: the closing paragraph says "persona/cover/MIDI free".
            return LegacyPrices().Contains("persona/cover/MIDI free", StringComparison.Ordinal) ? [0m] : [];
        }

        if (Marker(mode) is { } marker)
        {
            var text = LegacyPrices();
            var at = text.IndexOf(marker + " ", StringComparison.Ordinal);
            return at < 0 ? [] : Amounts(text[(at + marker.Length)..]).Take(1).ToList();
        }

        if (Reference.PriceCell(mode.KieModel) is { } cell && Amounts(cell).Count > 0)
        {
            var segment = Segment(cell, mode, input);
            var amounts = Amounts(segment);
            return PerSecond(cell) && Seconds(mode, input) is { } seconds ? [.. amounts.Select(a => a * seconds)] : amounts;
        }

        using var doc = Reference.Json("kie-pricing-credits.json");
        return doc.RootElement.GetProperty("models").TryGetProperty(mode.KieModel, out var model)
            ? model.GetProperty("modes").EnumerateArray().Select(m => m.GetProperty("credits_per_generation").GetDecimal()).ToList()
            : [];
    }

    /// <summary>kie-api.md's paragraph of legacy-family prices (Veo, Runway, Suno, 4o Image, Flux Kontext, Midjourney) as one line.</summary>
    private static string LegacyPrices() =>
        string.Join(' ', File.ReadLines(Reference.Path("kie-api.md")).SkipWhile(l => !l.StartsWith("Legacy-family prices", StringComparison.Ordinal)).Take(6));

    /// <summary>The part of a price cell that prices the input's own values: from a price-driving value's mention to the next other value's.</summary>
    private static string Segment(string cell, ModeDescriptor mode, IModeInput input)
    {
        using var json = JsonDocument.Parse(input.ToInputJson());
        foreach (var param in mode.Params.Where(p => p.AffectsPrice && p.Kind == ParamKind.Enum))
        {
            if (!json.RootElement.TryGetProperty(param.Name, out var value))
            {
                continue;
            }

            var wire = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            var start = Mention(cell, wire);
            if (start < 0)
            {
                continue;
            }

            // "1K/2K $0.09, 4K $0.12": a value shares the first amount after it; the next other value after that amount ends it.
            var amount = AnyAmount().Match(cell, start);
            var from = amount.Success ? amount.Index : start + wire.Length;
            var end = param.Values.Where(v => v.Wire != wire).Select(v => Mention(cell[from..], v.Wire)).Where(i => i >= 0).DefaultIfEmpty(cell.Length - from).Min();
            cell = cell[start..(from + end)];
        }

        return cell;
    }

    private static int Mention(string text, string wire) =>
        wire.Length < 2 ? -1 : Regex.Match(text, $@"(?<![\w.]){Regex.Escape(wire)}(?![\w.])", RegexOptions.IgnoreCase) is { Success: true } m ? m.Index : -1;

    private static bool PerSecond(string cell) =>
        cell.Contains("/s", StringComparison.Ordinal) || cell.Contains("per s", StringComparison.Ordinal);

    /// <summary>The seconds a per-second price multiplies: the input's duration, the frames it makes at its frame rate, else the uploaded file's length.</summary>
    private static decimal? Seconds(ModeDescriptor mode, IModeInput input)
    {
        using var json = JsonDocument.Parse(input.ToInputJson());
        if (json.RootElement.TryGetProperty("num_frames", out var frames) && json.RootElement.TryGetProperty("frames_per_second", out var rate) && rate.GetDecimal() > 0)
        {
            return frames.GetDecimal() / rate.GetDecimal();
        }

        if (json.RootElement.TryGetProperty("duration", out var duration)
            && decimal.TryParse(duration.ValueKind == JsonValueKind.String ? duration.GetString() : duration.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0)
        {
            return seconds;
        }

        return mode.DurationParam is not null ? SampleInputs.FileSeconds : null;
    }

    /// <summary>Credits in a price text: its dollar amounts at 200 credits per USD, or, where it gives none, its "N cr".</summary>
    private static List<decimal> Amounts(string text)
    {
        var dollars = Dollar().Matches(text).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 200).ToList();
        return dollars.Count > 0 ? dollars : Credit().Matches(text).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
    }

    [GeneratedRegex(@"\$[0-9]|[0-9]\s*cr\b")]
    private static partial Regex AnyAmount();

    [GeneratedRegex(@"\$([0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex Dollar();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)\s*cr\b")]
    private static partial Regex Credit();
}
