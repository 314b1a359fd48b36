using KieCatalog.Catalog;
using KieCatalog.Client;

namespace KieBot.TestSupport.Kie;

/// <summary>A task held by the fake server; <see cref="Step"/> 0 waiting, 1 queuing, 2 generating, 3 finished.</summary>
public sealed class FakeKieTask
{
    internal FakeKieTask(string id, ModeDescriptor mode, string paramJson, string? callbackUrl, decimal price, long createTime, (string Code, string Message)? failure, Uri resultBase, int results = 1)
    {
        ResultBase = resultBase;
        Results = results;
        Id = id;
        Mode = mode;
        ParamJson = paramJson;
        CallbackUrl = callbackUrl;
        Price = price;
        CreateTime = createTime;
        Failure = failure;
    }

    public string Id { get; }

    /// <summary>Where the fake server serves result files (KIE's result hosts are not reachable from tests).</summary>
    public Uri ResultBase { get; }

    /// <summary>How many result files the task has.</summary>
    public int Results { get; }

    public ModeDescriptor Mode { get; }

    /// <summary>The endpoint the task was created at.</summary>
    public KieEndpoint Endpoint => KieEndpoints.For(Mode)!;

    /// <summary>The body of the create request, parsed (the record shapes echo some of its fields).</summary>
    public System.Text.Json.Nodes.JsonObject Request => System.Text.Json.Nodes.JsonNode.Parse(ParamJson) as System.Text.Json.Nodes.JsonObject ?? [];

    public string ParamJson { get; }

    public string? CallbackUrl { get; }

    public decimal Price { get; }

    public long CreateTime { get; }

    public (string Code, string Message)? Failure { get; }

    public int Step { get; internal set; }

    /// <summary>Status reads leave the task where it is (KIE still working on it); <see cref="FakeKieServer.AdvanceAsync"/> still moves it.</summary>
    public bool Paused { get; set; }

    public long? CompleteTime { get; internal set; }

    public bool Finished => Step >= 3;

    public bool Succeeded => Finished && Failure is null;

    public IReadOnlyList<string> ResultUrls => Succeeded && Mode.Output != OutputKind.Text
        ? Enumerable.Range(0, Results).Select(i => new Uri(ResultBase, $"results/{Id}/{i}.{Extension}").AbsoluteUri).ToList()
        : [];

    /// <summary>A named result file of this task (a stem, a cover image), served like the others.</summary>
    public string ResultUrl(string name) => new Uri(ResultBase, $"results/{Id}/{name}").AbsoluteUri;

    internal string Extension => Mode.Output switch
    {
        OutputKind.Image => "png",
        OutputKind.Video => "mp4",
        OutputKind.Audio => "mp3",
        _ => "txt",
    };
}
