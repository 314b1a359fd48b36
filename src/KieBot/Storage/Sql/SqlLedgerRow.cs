namespace KieBot.Storage.Sql;

/// <summary>A ledger row as the database returns it.</summary>
internal class SqlLedgerRow
{
    public long Id { get; set; }

    public string IdemKey { get; set; } = string.Empty;

    public long UserId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public long Amount { get; set; }

    public long AvailableDelta { get; set; }

    public long ReservedDelta { get; set; }

    public string? ReservationKey { get; set; }

    public string? Resolution { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public bool DryRun { get; set; }

    public long CreatedAt { get; set; }
}
