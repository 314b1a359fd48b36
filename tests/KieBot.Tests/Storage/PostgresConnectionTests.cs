using KieBot.Storage.Postgres;
using Npgsql;

namespace KieBot.Tests.Storage;

public sealed class PostgresConnectionTests
{
    [Fact]
    public void A_render_url_becomes_a_connection_string()
    {
        var b = PostgresConnection.Parse("postgres://kiebot_user:s%3Acr%40t@dpg-abc123-a.oregon-postgres.render.com/kiebot_db?sslmode=require");

        Assert.Equal("dpg-abc123-a.oregon-postgres.render.com", b.Host);
        Assert.Equal(5432, b.Port);
        Assert.Equal("kiebot_db", b.Database);
        Assert.Equal("kiebot_user", b.Username);
        Assert.Equal("s:cr@t", b.Password);
        Assert.Equal(SslMode.Require, b.SslMode);
    }

    [Fact]
    public void A_postgresql_url_with_port_and_a_keyword_string_both_parse()
    {
        Assert.Equal(6543, PostgresConnection.Parse("postgresql://u:p@db.internal:6543/app").Port);
        var keywords = PostgresConnection.Parse("Host=127.0.0.1;Port=5433;Username=postgres;Password=x;Database=kb");
        Assert.Equal("kb", keywords.Database);
        Assert.Equal(5433, keywords.Port);
    }

    [Fact]
    public void The_description_never_holds_the_password()
    {
        var b = PostgresConnection.Parse("postgres://user:TopSecret123@host:5432/db");

        Assert.DoesNotContain("TopSecret123", PostgresConnection.Describe(b), StringComparison.Ordinal);
        Assert.Equal("postgres host:5432/db", PostgresConnection.Describe(b));
    }

    [Theory]
    [InlineData("mysql://u:p@h/db")]
    [InlineData("postgres://")]
    [InlineData("not a connection string at all")]
    public void Garbage_is_refused_with_a_clear_message(string url)
    {
        var error = Assert.ThrowsAny<Exception>(() => PostgresConnection.Parse(url));

        Assert.Contains("DATABASE_URL", error.Message, StringComparison.Ordinal);
    }
}
