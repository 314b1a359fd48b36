namespace KieCatalog.Errors;

/// <summary>The one exception the KIE client and the fake gateway throw; <see cref="Error"/> says what happened.</summary>
public sealed class KieException : Exception
{
    public KieException(KieError error, Exception? inner = null)
        : base(error.ToString(), inner)
    {
        Error = error;
    }

    public KieError Error { get; }

    public KieErrorKind Kind => Error.Kind;

    /// <summary>True when KIE certainly never saw the request (the connection was refused): safe to send again even if not idempotent.</summary>
    internal bool RequestNotProcessed { get; init; }
}
