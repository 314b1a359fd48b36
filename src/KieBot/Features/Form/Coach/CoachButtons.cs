namespace KieBot.Features.Form.Coach;

/// <summary>The prompt coach's button data: ✨ at a prompt question, then use / edit / keep mine under the improved prompt.</summary>
public static class CoachButtons
{
    public const string Prefix = "coach:";

    public const string Improve = "coach:go";

    public const string Accept = "coach:ok";

    public const string Edit = "coach:edit";

    public const string Keep = "coach:keep";
}
