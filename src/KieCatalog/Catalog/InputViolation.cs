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
}

/// <summary>One violated constraint of one parameter, with a message in English or Russian.</summary>
public sealed record InputViolation(string Param, ViolationCode Code, string? Limit = null)
{
    public string Message(string? language = "en")
    {
        var ru = language == "ru";
        return Code switch
        {
            ViolationCode.Missing => ru ? $"«{Param}»: обязательное значение не задано" : $"'{Param}' is required",
            ViolationCode.WrongType => ru ? $"«{Param}»: значение неверного типа, ожидается {Limit}" : $"'{Param}' has the wrong type: {Limit} expected",
            ViolationCode.UnknownParam => ru ? $"«{Param}»: такого параметра нет" : $"'{Param}' is not a parameter of this mode",
            ViolationCode.TooLong => ru ? $"«{Param}»: не длиннее {Limit} символов" : $"'{Param}' must be at most {Limit} characters",
            ViolationCode.BelowMin => ru ? $"«{Param}»: не меньше {Limit}" : $"'{Param}' must be at least {Limit}",
            ViolationCode.AboveMax => ru ? $"«{Param}»: не больше {Limit}" : $"'{Param}' must be at most {Limit}",
            ViolationCode.InvalidUrl => ru ? $"«{Param}»: нужна ссылка http(s)" : $"'{Param}' must be an http(s) URL",
            ViolationCode.TooFewItems => ru ? $"«{Param}»: нужно не меньше {Limit} файлов" : $"'{Param}' needs at least {Limit} items",
            ViolationCode.TooManyItems => ru ? $"«{Param}»: не больше {Limit} файлов" : $"'{Param}' takes at most {Limit} items",
            ViolationCode.NotAValue => ru ? $"«{Param}»: недопустимое значение" : $"'{Param}' is not one of the allowed values",
            ViolationCode.DurationMissing => ru ? $"«{Param}»: нужна длительность файла в секундах, от неё зависит цена" : $"'{Param}': the file's length in seconds is needed to price it",
            ViolationCode.DurationAboveMax => ru ? $"«{Param}»: файл не длиннее {Limit} с" : $"'{Param}' must be at most {Limit} seconds long",
            ViolationCode.SizeMissing => ru ? $"«{Param}»: нужен размер изображения в пикселях, от него зависит цена" : $"'{Param}': the image's size in pixels is needed to price it",
            ViolationCode.SizeAboveMax => ru ? $"«{Param}»: изображение не больше {Limit} Мп" : $"'{Param}' must be at most {Limit} megapixels",
            ViolationCode.NoneOf => ru ? $"Нужно хотя бы одно из: {Limit}" : $"At least one of {Limit} is required",
            _ => ru ? $"Такое сочетание ({Limit}) KIE не предлагает" : $"KIE does not offer this combination ({Limit})",
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
