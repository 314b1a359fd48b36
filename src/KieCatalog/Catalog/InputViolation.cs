using System.Globalization;

namespace KieCatalog.Catalog;

/// <summary>Why an input value cannot be sent.</summary>
public enum ViolationCode
{
    Missing,
    WrongType,
    UnknownParam,
    TooLong,
    BelowMin,
    AboveMax,
    InvalidUrl,
    TooFewItems,
    TooManyItems,
    NotAValue,
    NotOffered,

    /// <summary>An image that prices the mode by its size was given without its width and height.</summary>
    SizeMissing,

    /// <summary>An image that prices the mode by its size is larger than the mode takes (Limit: megapixels).</summary>
    SizeAboveMax,

    /// <summary>A file that prices the mode by its length was given without its length in seconds (or with one not above 0).</summary>
    DurationMissing,

    /// <summary>A file is longer than the parameter's <see cref="ParamDescriptor.MaxSeconds"/>; Limit is that maximum.</summary>
    DurationAboveMax,

    /// <summary>None of a <see cref="ModeDescriptor.RequireOneOf"/> group is given; Param is the first, Limit lists the group.</summary>
    NoneOf,

    /// <summary>A list is given items while the switch it needs is off (Limit: the switch parameter); KIE would not read them.</summary>
    SwitchedOff,

    /// <summary>What a field of a list adds up to over its items is below the least allowed (Limit).</summary>
    TotalBelowMin,

    /// <summary>What a field of a list adds up to over its items is above the most allowed (Limit).</summary>
    TotalAboveMax,
}

/// <summary>One violated constraint of one parameter, with a message in English or Russian.</summary>
public sealed record InputViolation(string Param, ViolationCode Code, string? Limit = null)
{
    /// <summary>The message naming the parameter by its wire name (for logs and API callers).</summary>
    public string Message(string? language = "en") => Text(Param, Limit, language == "ru");

    /// <summary>
    /// The message for a person: the parameter by its label in <paramref name="mode"/>, and for a combination KIE does
    /// not offer each value by its label ("Generation type: Reference to video, Duration: 6 s" rather than wire values).
    /// </summary>
    public string Message(ModeDescriptor mode, string? language = "en")
    {
        var lang = language ?? "en";
        var name = mode.FindParam(Param)?.Label.Get(lang) ?? ItemLabel(mode, Param, lang) ?? Param;
        var limit = Code == ViolationCode.NotOffered && Limit is not null ? Combination(mode, Limit, lang)
            : Code == ViolationCode.SwitchedOff && Limit is not null ? mode.FindParam(Limit)?.Label.Get(lang) ?? Limit
            : Limit;
        return Text(name, limit, lang == "ru");
    }

    /// <summary>
    /// A field of a list's item by its labels: <c>multi_prompt[1].prompt</c> reads "Shots #2 · Prompt" ("Сцены №2 · Промпт"), a total
    /// <c>multi_prompt[].duration</c> "Shots · Duration, s", an item <c>multi_prompt[1]</c> "Shots #2"; null for anything else.
    /// </summary>
    private static string? ItemLabel(ModeDescriptor mode, string path, string language)
    {
        var open = path.IndexOf('[');
        var close = path.IndexOf(']');
        if (open <= 0 || close < open || mode.FindParam(path.Substring(0, open)) is not { Kind: ParamKind.List } list)
        {
            return null;
        }

        var index = path.Substring(open + 1, close - open - 1);
        var item = list.Label.Get(language) + (index.Length == 0 ? string.Empty : (language == "ru" ? " №" : " #") + (int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i + 1 : 0).ToString(CultureInfo.InvariantCulture));
        if (close + 1 == path.Length)
        {
            return item;
        }

        var field = path.Substring(close + 2);
        return item + " · " + (list.FindField(field)?.Label.Get(language) ?? field);
    }

    /// <summary>"generationType=REFERENCE_2_VIDEO, duration=6" in the mode's labels; a part that is not "name=value" stays as it is.</summary>
    private static string Combination(ModeDescriptor mode, string limit, string language) =>
        string.Join(", ", limit.Split(new[] { ", " }, StringSplitOptions.None).Select(part =>
        {
            var at = part.IndexOf('=');
            if (at <= 0 || mode.FindParam(part.Substring(0, at)) is not { } param)
            {
                return part;
            }

            var wire = part.Substring(at + 1);
            var value = param.Kind == ParamKind.Boolean
                ? (wire == "true" ? (language == "ru" ? "да" : "yes") : (language == "ru" ? "нет" : "no"))
                : param.FindValue(wire)?.Display(language) ?? wire;
            return $"{param.Label.Get(language)}: {value}";
        }));

    private string Text(string name, string? limit, bool ru)
    {
        return Code switch
        {
            ViolationCode.Missing => ru ? $"«{name}»: обязательное значение не задано" : $"'{name}' is required",
            ViolationCode.WrongType => ru ? $"«{name}»: значение неверного типа, ожидается {limit}" : $"'{name}' has the wrong type: {limit} expected",
            ViolationCode.UnknownParam => ru ? $"«{name}»: такого параметра нет" : $"'{name}' is not a parameter of this mode",
            ViolationCode.TooLong => ru ? $"«{name}»: не длиннее {limit} символов" : $"'{name}' must be at most {limit} characters",
            ViolationCode.BelowMin => ru ? $"«{name}»: не меньше {limit}" : $"'{name}' must be at least {limit}",
            ViolationCode.AboveMax => ru ? $"«{name}»: не больше {limit}" : $"'{name}' must be at most {limit}",
            ViolationCode.InvalidUrl => ru ? $"«{name}»: нужна ссылка http(s)" : $"'{name}' must be an http(s) URL",
            ViolationCode.TooFewItems => ru ? $"«{name}»: нужно не меньше {limit} элементов" : $"'{name}' needs at least {limit} items",
            ViolationCode.TooManyItems => ru ? $"«{name}»: не больше {limit} элементов" : $"'{name}' takes at most {limit} items",
            ViolationCode.NotAValue => ru ? $"«{name}»: недопустимое значение" : $"'{name}' is not one of the allowed values",
            ViolationCode.DurationMissing => ru ? $"«{name}»: нужна длительность файла в секундах, от неё зависит цена" : $"'{name}': the file's length in seconds is needed to price it",
            ViolationCode.DurationAboveMax => ru ? $"«{name}»: файл не длиннее {limit} с" : $"'{name}' must be at most {limit} seconds long",
            ViolationCode.SizeMissing => ru ? $"«{name}»: нужен размер изображения в пикселях, от него зависит цена" : $"'{name}': the image's size in pixels is needed to price it",
            ViolationCode.SizeAboveMax => ru ? $"«{name}»: изображение не больше {limit} Мп" : $"'{name}' must be at most {limit} megapixels",
            ViolationCode.NoneOf => ru ? $"Нужно хотя бы одно из: {limit}" : $"At least one of {limit} is required",
            ViolationCode.SwitchedOff => ru ? $"«{name}»: используется только при включённом «{limit}»" : $"'{name}' is used only when '{limit}' is on",
            ViolationCode.TotalBelowMin => ru ? $"«{name}»: в сумме не меньше {limit}" : $"'{name}' must add up to at least {limit}",
            ViolationCode.TotalAboveMax => ru ? $"«{name}»: в сумме не больше {limit}" : $"'{name}' must add up to at most {limit}",
            _ => ru ? $"Такое сочетание ({limit}) KIE не предлагает" : $"KIE does not offer this combination ({limit})",
        };
    }

    public override string ToString() => Message();

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Thrown when an input that does not validate is priced or sent.</summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(ModeDescriptor mode, IReadOnlyList<InputViolation> violations)
        : base($"{mode.Key}: {string.Join("; ", violations.Select(v => v.Message()))}")
    {
        Mode = mode;
        Violations = violations;
    }

    public ModeDescriptor Mode { get; }

    public IReadOnlyList<InputViolation> Violations { get; }
}
