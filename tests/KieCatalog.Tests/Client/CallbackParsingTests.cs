using System.Text.Json;
using System.Text.RegularExpressions;
using KieCatalog.Client;
using KieCatalog.Errors;
using Microsoft.Extensions.Time.Testing;

namespace KieCatalog.Tests.Client;

/// <summary>Every callback sample of the reference (kie-api.md §4.3), with and without a valid signature.</summary>
public sealed partial class CallbackParsingTests
{
    private const string Key = "whk_5c2b7e";
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string, bool> Samples()
    {
        var data = new TheoryData<string, string, bool>();
        var text = File.ReadAllText(Reference.Path("kie-api.md"));
        data.Add(nameof(ApiFamily.Jobs), Fenced(text, "**Market (jobs API) — success**"), true);
        data.Add(nameof(ApiFamily.Jobs), Fenced(text, "**Market — failure:**"), false);
        var families = new Dictionary<string, ApiFamily>
        {
            ["Veo"] = ApiFamily.Veo, ["4o Image"] = ApiFamily.Gpt4oImage, ["Flux Kontext"] = ApiFamily.FluxKontext,
            ["Runway"] = ApiFamily.Runway, ["Suno"] = ApiFamily.Suno, ["Midjourney"] = ApiFamily.Midjourney,
        };
        foreach (var line in text.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = CellSplit().Split(line.Trim().Trim('|'));
            var family = families.Keys.FirstOrDefault(f => cells[0].Trim().StartsWith(f + " (", StringComparison.Ordinal));
            if (family is null || cells.Length < 3)
            {
                continue;
            }

            foreach (var (cell, success) in new[] { (cells[1], true), (cells[2], false) })
            {
                var code = FirstCode(cell);
                if (code is not null && IsJson(code))
                {
                    data.Add(families[family].ToString(), code, success);
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_reference_yields_every_family_sample_that_is_json()
    {
        var samples = Samples().Select(row => ((string)row[0], (bool)row[2])).ToList();

        Assert.Equal(2, samples.Count(s => s.Item1 == nameof(ApiFamily.Jobs)));
        Assert.Equal(6, samples.Count(s => s.Item1 != nameof(ApiFamily.Jobs) && s.Item2));
        Assert.Equal(3, samples.Count(s => !s.Item2));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_parses_unsigned_when_no_key_is_configured(string family, string body, bool success)
    {
        var parser = new KieCallbackParser(null, TimeSpan.FromMinutes(5), Time);

        var task = parser.Parse(Enum.Parse<ApiFamily>(family), body, null, null);

        Assert.False(string.IsNullOrEmpty(task.TaskId));
        Assert.Equal(success ? KieTaskState.Success : KieTaskState.Fail, task.State);
        Assert.Equal(success, task.Error is null);
        if (!success)
        {
            Assert.True(task.Error!.ShouldRefund);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_sample_parses_with_a_valid_signature_and_is_refused_with_a_forged_one(string family, string body, bool success)
    {
        var api = Enum.Parse<ApiFamily>(family);
        var parser = new KieCallbackParser(Key, TimeSpan.FromMinutes(5), Time);
        var taskId = TaskIdOf(body);
        var now = Time.GetUtcNow().ToUnixTimeSeconds();

        var task = parser.Parse(api, body, now.ToString(System.Globalization.CultureInfo.InvariantCulture), KieCallbackParser.Sign(Key, taskId, now));
        Assert.Equal(taskId, task.TaskId);
        Assert.Equal(success, task.State == KieTaskState.Success);

        AssertRefused(() => parser.Parse(api, body, null, null));
        AssertRefused(() => parser.Parse(api, body, now.ToString(System.Globalization.CultureInfo.InvariantCulture), KieCallbackParser.Sign("other-key", taskId, now)));
        AssertRefused(() => parser.Parse(api, body, now.ToString(System.Globalization.CultureInfo.InvariantCulture), KieCallbackParser.Sign(Key, taskId + "x", now)));
        var stale = now - 600;
        AssertRefused(() => parser.Parse(api, body, stale.ToString(System.Globalization.CultureInfo.InvariantCulture), KieCallbackParser.Sign(Key, taskId, stale)));
        AssertRefused(() => parser.Parse(api, body, now.ToString(System.Globalization.CultureInfo.InvariantCulture), "not base64!"));
    }

    [Fact]
    public void The_market_success_sample_gives_urls_credits_and_times()
    {
        var body = Fenced(File.ReadAllText(Reference.Path("kie-api.md")), "**Market (jobs API) — success**");

        var task = new KieCallbackParser(null, TimeSpan.FromMinutes(5), Time).Parse(ApiFamily.Jobs, body, null, null);

        Assert.Equal("e989621f54392584b05867f87b160672", task.TaskId);
        Assert.Equal(["https://example.com/generated-video.mp4"], task.ResultUrls);
        Assert.Equal(100m, task.CreditsConsumed);
        Assert.Equal(2510330m, task.CreditsRemaining);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1755599644000), task.CompletedAt);
    }

    [Fact]
    public void The_market_failure_sample_is_a_provider_failure_with_its_code()
    {
        var body = Fenced(File.ReadAllText(Reference.Path("kie-api.md")), "**Market — failure:**");

        var task = new KieCallbackParser(null, TimeSpan.FromMinutes(5), Time).Parse(ApiFamily.Jobs, body, null, null);

        Assert.Equal("500", task.FailCode);
        Assert.Equal("Internal server error", task.FailMessage);
        Assert.Equal(KieErrorKind.ProviderFailed, task.Error!.Kind);
        Assert.Equal(0m, task.CreditsConsumed);
    }

    [Fact]
    public void A_body_that_is_not_json_is_a_malformed_callback()
    {
        var parser = new KieCallbackParser(null, TimeSpan.FromMinutes(5), Time);

        var error = Assert.Throws<KieException>(() => parser.Parse(ApiFamily.Jobs, "<html>", null, null));

        Assert.Equal(KieErrorKind.MalformedResponse, error.Kind);
    }

    private static void AssertRefused(Action parse)
    {
        var error = Assert.Throws<KieException>(parse);
        Assert.Equal(KieErrorKind.Unauthorized, error.Kind);
        Assert.Equal(KieOperation.Callback, error.Error.Operation);
    }

    private static string TaskIdOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = document.RootElement.GetProperty("data");
        return data.TryGetProperty("taskId", out var id) ? id.GetString()! : data.GetProperty("task_id").GetString()!;
    }

    private static string Fenced(string text, string heading)
    {
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        var open = text.IndexOf("```json", start, StringComparison.Ordinal) + "```json".Length;
        var close = text.IndexOf("```", open, StringComparison.Ordinal);
        return text[open..close].Trim();
    }

    private static string? FirstCode(string cell)
    {
        var match = CodeSpan().Match(cell.Replace("\\|", "|", StringComparison.Ordinal));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return text.TrimStart().StartsWith('{');
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
