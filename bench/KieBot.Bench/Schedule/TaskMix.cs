using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Bench.Schedule;

/// <summary>One kind of task in the mix: a real catalog mode (and the values its price depends on), how often it comes, and how long KIE takes for it.</summary>
internal sealed record TaskKind(string Category, ModeDescriptor Mode, string InputJson, double Share, double MedianSeconds, double Sigma, double MinSeconds, double MaxSeconds)
{
    /// <summary>A log-normal duration around the kind's median, kept inside its category's range.</summary>
    public double Draw(Random random)
    {
        // Box–Muller: one standard normal draw.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp(MedianSeconds * Math.Exp(Sigma * normal), MinSeconds, MaxSeconds);
    }
}

/// <summary>
/// A realistic mix of KIE work: mostly images (5–40 s), some videos (1–10 min) and music (1–4 min); each kind a
/// log-normal spread around its own median (σ 0.25–0.35: the same prompt at KIE takes from about ×0.6 to ×1.7 of
/// its usual time), clamped to its category's range.
/// </summary>
internal static class TaskMix
{
    public static IReadOnlyList<TaskKind> Kinds { get; } =
    [
        Image(Models.ZImage.TextToImage, 0.22, 8, 0.30),
        Image(Models.Flux2.ProTextToImage, 0.12, 12, 0.35),
        Image(Models.Seedream.TextToImage, 0.20, 15, 0.30),
        Image(Models.NanoBananaPro.Generate, 0.16, 25, 0.30),
        Video(Models.Kling2_6.TextToVideo, new Kling2_6TextToVideoInput { Prompt = Prompt, Duration = Kling2_6TextToVideoDuration.V5, Sound = false }, 0.06, 120, 0.25),
        Video(Models.Kling2_6.TextToVideo, new Kling2_6TextToVideoInput { Prompt = Prompt, Duration = Kling2_6TextToVideoDuration.V10, Sound = true }, 0.04, 240, 0.25),
        Video(Models.Wan2_5.TextToVideo, null, 0.05, 180, 0.30),
        Video(Models.Sora2.TextToVideo, null, 0.03, 420, 0.25),
        Music(Models.Suno.V5, 0.07, 120, 0.25),
        Music(Models.Suno.V4_5, 0.05, 90, 0.25),
    ];

    /// <summary>A kind drawn by its share of the mix.</summary>
    public static TaskKind Pick(Random random)
    {
        var at = random.NextDouble() * Kinds.Sum(k => k.Share);
        foreach (var kind in Kinds)
        {
            at -= kind.Share;
            if (at < 0)
            {
                return kind;
            }
        }

        return Kinds[^1];
    }

    private const string Prompt = "A lighthouse at dusk";

    private static TaskKind Image(ModeDescriptor mode, double share, double median, double sigma) =>
        new("image", mode, "{}", share, median, sigma, 5, 40);

    /// <summary>A video kind; <paramref name="input"/> names the values its price (and so its duration) depends on, null for the mode's defaults.</summary>
    private static TaskKind Video(ModeDescriptor mode, IModeInput? input, double share, double median, double sigma) =>
        new("video", mode, input?.ToInputJson() ?? "{}", share, median, sigma, 60, 600);

    private static TaskKind Music(ModeDescriptor mode, double share, double median, double sigma) =>
        new("music", mode, "{}", share, median, sigma, 60, 240);
}
