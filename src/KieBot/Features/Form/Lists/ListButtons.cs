using System.Globalization;

namespace KieBot.Features.Form.Lists;

/// <summary>
/// The button data of a list's screens, each carrying the list's revision (<see cref="FormState.ListRevision"/>) so a
/// press on a screen from before an item was added or removed is refused: <c>li:add:3</c>, <c>li:edit:3:1</c>,
/// <c>li:del:3:1</c>, <c>li:done:3</c>, <c>li:f:3:0</c> (a field of the item on screen).
/// </summary>
public static class ListButtons
{
    public const string Prefix = "li:";

    public static string Add(int revision) => Data("add", revision);

    public static string Edit(int revision, int item) => Data("edit", revision, item);

    public static string Remove(int revision, int item) => Data("del", revision, item);

    public static string Done(int revision) => Data("done", revision);

    public static string Field(int revision, int field) => Data("f", revision, field);

    /// <summary>A list button's verb, revision and number (-1 when it has none); null for anything else.</summary>
    public static (string Verb, int Revision, int Number)? Parse(string data)
    {
        var parts = data.Split(':');
        if (parts.Length is < 3 or > 4 || parts[0] + ":" != Prefix || !Whole(parts[2], out var revision))
        {
            return null;
        }

        var number = -1;
        return parts.Length == 4 && !Whole(parts[3], out number) ? null : (parts[1], revision, number);
    }

    private static bool Whole(string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string Data(string verb, int revision, int? number = null) =>
        Prefix + verb + ":" + revision.ToString(CultureInfo.InvariantCulture) + (number is { } n ? ":" + n.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
