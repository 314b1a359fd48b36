namespace KieCatalog.Catalog;

/// <summary>
/// Which earlier generations a <see cref="ParamKind.Task"/> parameter takes (the catalog's <c>from</c>, <c>output</c>,
/// <c>notAfter</c> and <c>maxAgeDays</c>): the modes whose finished tasks it continues, the integer parameter that picks
/// one of the parent's outputs, the modes after whose success on the parent KIE refuses it, and how long KIE keeps a
/// parent it can continue.
/// </summary>
public sealed class FollowUpRule
{
    private readonly Lazy<IReadOnlyList<ModeDescriptor>> from;
    private readonly Lazy<IReadOnlyList<ModeDescriptor>> notAfter;

    public FollowUpRule(Func<IReadOnlyList<ModeDescriptor>> from, string? outputParam = null, Func<IReadOnlyList<ModeDescriptor>>? notAfter = null, int? maxAgeDays = null, bool takesOutputId = false, string? outputIdParam = null)
    {
        TakesOutputId = takesOutputId;
        OutputIdParam = outputIdParam;
        ArgumentNullException.ThrowIfNull(from);
        this.from = new(from);
        this.notAfter = new(notAfter ?? (static () => Array.Empty<ModeDescriptor>()));
        OutputParam = outputParam;
        MaxAgeDays = maxAgeDays;
    }

    /// <summary>The modes whose finished tasks this parameter takes.</summary>
    public IReadOnlyList<ModeDescriptor> From => from.Value;

    /// <summary>
    /// The integer parameter of the same mode that takes the index of one of the parent's outputs (Midjourney's
    /// <c>imageIndex</c>, Veo's <c>index</c>); its <see cref="ParamDescriptor.Min"/> is the first output's index. Null when
    /// the follow-up takes the parent's task as a whole.
    /// </summary>
    public string? OutputParam { get; }

    /// <summary>KIE refuses this follow-up on a parent that already has a finished follow-up of one of these modes (a Veo video upgraded to 1080p cannot be extended).</summary>
    public IReadOnlyList<ModeDescriptor> NotAfter => notAfter.Value;

    /// <summary>The task parameter takes the id of one of the parent's outputs (a Suno track's <c>audioId</c>), not the task's id.</summary>
    public bool TakesOutputId { get; }

    /// <summary>The string parameter of the same mode that takes the id of one of the parent's outputs (Suno WAV's <c>audioId</c> beside its <c>taskId</c>); null when none does.</summary>
    public string? OutputIdParam { get; }

    /// <summary>True when the follow-up names one of the parent's outputs by its id (one offer per output KIE named).</summary>
    public bool ByOutputId => TakesOutputId || OutputIdParam is not null;

    /// <summary>How many days after the parent was made KIE still continues it; null when the catalog does not say.</summary>
    public int? MaxAgeDays { get; }
}
