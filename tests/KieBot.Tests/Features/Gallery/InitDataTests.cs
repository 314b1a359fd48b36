using KieBot.Features.Gallery;

namespace KieBot.Tests.Features.Gallery;

/// <summary>
/// Telegram's initData check on a vector of the shape Telegram publishes (query_id, user JSON, auth_date, hash), its
/// hash computed outside this code (Python's hmac: secret = HMAC-SHA256("WebAppData", token), hash = HMAC-SHA256 of the
/// sorted lines), then tampered, under the wrong token, expired.
/// </summary>
public sealed class InitDataTests
{
    private const string Token = "123456789:ABCdefGhIJKlmnoPQRsTUVwxyz_0123456789";

    private const string Vector =
        "auth_date=1764756000&query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%2C%22allows_write_to_pm%22%3Atrue%7D&hash=5c5fcc30ef91c75f2155f74486af2949c6f4dbcfc0cb36d8d3e989df7bd389e5";

    private static readonly DateTimeOffset Signed = DateTimeOffset.FromUnixTimeSeconds(1764756000);

    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void The_published_shape_validates_and_names_its_user()
    {
        var user = InitData.Validate(Vector, Token, Signed.AddMinutes(10), Day);

        Assert.Equal(new InitDataUser(279058397, "ru", Signed), user);
    }

    [Theory]
    [InlineData("auth_date=1764756000", "auth_date=1764756001")]
    [InlineData("%22id%22%3A279058397", "%22id%22%3A279058398")]
    [InlineData("query_id=AAHdF6IQAAAAAN0XohDhrOrc", "query_id=AAHdF6IQAAAAAN0XohDhrOrd")]
    [InlineData("hash=5c5f", "hash=5c5e")]
    [InlineData("&hash=5c5fcc30ef91c75f2155f74486af2949c6f4dbcfc0cb36d8d3e989df7bd389e5", "")]
    [InlineData("query_id=", "extra=1&query_id=")]
    public void A_tampered_field_is_refused(string from, string to)
    {
        var tampered = Vector.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Vector, tampered);

        Assert.Null(InitData.Validate(tampered, Token, Signed.AddMinutes(10), Day));
    }

    [Fact]
    public void The_wrong_bot_token_is_refused()
    {
        Assert.Null(InitData.Validate(Vector, "123456789:ABCdefGhIJKlmnoPQRsTUVwxyz_0123456780", Signed.AddMinutes(10), Day));
        Assert.Null(InitData.Validate(Vector, "987654321:ABCdefGhIJKlmnoPQRsTUVwxyz_0123456789", Signed.AddMinutes(10), Day));
    }

    [Fact]
    public void An_expired_or_future_auth_date_is_refused()
    {
        Assert.NotNull(InitData.Validate(Vector, Token, Signed + Day, Day));
        Assert.Null(InitData.Validate(Vector, Token, Signed + Day + TimeSpan.FromSeconds(1), Day));
        Assert.Null(InitData.Validate(Vector, Token, Signed - TimeSpan.FromMinutes(6), Day));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hash=zz")]
    [InlineData("auth_date=1764756000&auth_date=1764756000&hash=5c5fcc30ef91c75f2155f74486af2949c6f4dbcfc0cb36d8d3e989df7bd389e5")]
    [InlineData("garbage")]
    public void Malformed_initData_is_refused(string? initData) =>
        Assert.Null(InitData.Validate(initData, Token, Signed, Day));

    [Fact]
    public void What_the_host_signs_for_the_console_validates_and_a_signature_without_a_user_does_not()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(42, InitData.Validate(InitData.For(42, "en", now, Token), Token, now, Day)!.Id);

        var noUser = InitData.Sign(new Dictionary<string, string> { ["auth_date"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }, Token);
        Assert.Null(InitData.Validate(noUser, Token, now, Day));
    }
}
