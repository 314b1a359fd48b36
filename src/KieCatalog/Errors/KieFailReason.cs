namespace KieCatalog.Errors;

/// <summary>
/// A failure a family names more exactly than its <see cref="KieErrorKind"/> (Suno's callback and record codes,
/// kie-api.md §4.3): the user is told what it was, in Russian and English.
/// </summary>
public enum KieFailReason
{
    /// <summary>Nothing more exact than the kind.</summary>
    None,

    /// <summary>Suno 400: the lyrics contain copyrighted material.</summary>
    CopyrightedLyrics,

    /// <summary>Suno 413: the uploaded audio matches an existing work.</summary>
    MatchesExistingWork,

    /// <summary>Suno 531: the generation failed and KIE has already given its credits back.</summary>
    RefundedByKie,
}
