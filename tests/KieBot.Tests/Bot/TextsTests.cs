using KieBot.Features.Admin;
using KieBot.Features.Browse;
using KieBot.Features.Form;
using KieBot.Features.History;
using KieBot.Features.Menu;
using KieBot.Conversation;

namespace KieBot.Tests.Bot;

public sealed class TextsTests
{
    [Fact]
    public void Russian_and_english_have_the_same_texts_and_placeholders()
    {
        var ru = Texts.Of("ru");
        var en = Texts.Of("en");

        Assert.Equal(en.Keys.Order(), ru.Keys.Order());
        foreach (var key in en.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(ru[key]), key);
            Assert.Equal(Placeholders(en[key]), Placeholders(ru[key]));
        }
    }

    [Fact]
    public void Values_are_escaped_for_telegram_html_but_emoji_stay()
    {
        var text = Texts.Get("en", "model.mode", ("label", "Prompt"), ("price", "<b>fox</b> & 🦊"));

        Assert.Equal("Prompt · &lt;b&gt;fox&lt;/b&gt; &amp; 🦊", text);
        Assert.Equal("Prompt · <b>fox</b> & 🦊", Texts.Plain(text));
    }

    private static string[] Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{[a-z]+\}").Select(m => m.Value).Order().ToArray();
}
