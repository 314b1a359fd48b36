using KieBot.Storage;
using KieCatalog.Errors;

namespace KieBot.Generations;

/// <summary>
/// The money side of a generation's end: capture on success, release exactly once on failure. A free generation
/// (no reservation key) moves no credits: failing gives its quota back because only in-flight and succeeded ones count.
/// </summary>
public static class GenerationOutcome
{
    /// <summary>Marks the generation failed and, if this call is the one that did, releases its reservation and marks it refunded.</summary>
    public static async Task<bool> RefundAsync(IBotStore store, string generationId, string? reservationKey, KieError error, CancellationToken ct)
    {
        if (!await store.Generations.MoveAsync(generationId, GenerationState.Failed, ChangeOf(error), ct).ConfigureAwait(false))
        {
            return false;
        }

        await FinishRefundAsync(store, generationId, reservationKey, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>What a failure records on the generation.</summary>
    public static GenerationChange ChangeOf(KieError error) =>
        new() { ErrorKind = error.Kind.ToString(), ErrorCode = error.FailCode ?? error.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorMessage = error.Detail };

    /// <summary>Releases a failed generation's reservation (idempotent by key) and marks it refunded; the tracker repeats this for a refund a crash interrupted.</summary>
    public static async Task FinishRefundAsync(IBotStore store, string generationId, string? reservationKey, CancellationToken ct)
    {
        if (reservationKey is not null)
        {
            await store.Ledger.ReleaseAsync(reservationKey, reservationKey + ":release", ct).ConfigureAwait(false);
        }

        await store.Generations.MoveAsync(generationId, GenerationState.Refunded, cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Charges the reservation of a generation that succeeded (idempotent by key); a real charge is reported (again on a replay)
    /// (a referral may pay out on it).
    /// </summary>
    public static async Task CaptureAsync(IBotStore store, IGenerationReporter reporter, Generation generation, CancellationToken ct)
    {
        if (generation.ReservationKey is not { } key)
        {
            return;
        }

        var charge = ImagesMade.Charge(generation);
        var capture = charge == generation.Price
            ? await store.Ledger.CaptureAsync(key, key + ":capture", ct).ConfigureAwait(false)
            : await store.Ledger.CaptureAsync(key, key + ":capture", charge, ct).ConfigureAwait(false);

        // A replay reports too: the reward it may pay is keyed per invited user, and a stop may have come between the two.
        if (capture.Succeeded && !generation.DryRun && generation.Price > Credits.Zero)
        {
            await reporter.CapturedAsync(generation, ct).ConfigureAwait(false);
        }
    }
}
