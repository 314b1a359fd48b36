using System.ComponentModel;

namespace KieCatalog.Catalog;

/// <summary>Constraint checks the generated <c>Validate()</c> methods call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InputRules
{
    public static void Text(List<InputViolation> v, string param, string? value, bool required, int? maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                v.Add(new InputViolation(param, ViolationCode.Missing));
            }

            return;
        }

        if (maxLength is { } max && value.Length > max)
        {
            v.Add(new InputViolation(param, ViolationCode.TooLong, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public static void Range(List<InputViolation> v, string param, decimal? value, decimal? min, decimal? max)
    {
        if (value is null)
        {
            return;
        }

        if (min is not null && value < min)
        {
            v.Add(new InputViolation(param, ViolationCode.BelowMin, InputViolation.Format(min.Value)));
        }

        if (max is not null && value > max)
        {
            v.Add(new InputViolation(param, ViolationCode.AboveMax, InputViolation.Format(max.Value)));
        }
    }

    public static void Url(List<InputViolation> v, string param, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                v.Add(new InputViolation(param, ViolationCode.Missing));
            }

            return;
        }

        if (!IsHttpUrl(value))
        {
            v.Add(new InputViolation(param, ViolationCode.InvalidUrl));
        }
    }

    public static void Urls(List<InputViolation> v, string param, IReadOnlyList<string>? values, bool required, int? minItems, int? maxItems)
    {
        var count = values?.Count ?? 0;
        if (count == 0)
        {
            if (required)
            {
                v.Add(new InputViolation(param, ViolationCode.Missing));
            }

            return;
        }

        if (minItems is { } min && count < min)
        {
            v.Add(new InputViolation(param, ViolationCode.TooFewItems, min.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (maxItems is { } max && count > max)
        {
            v.Add(new InputViolation(param, ViolationCode.TooManyItems, max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (values!.Any(u => !IsHttpUrl(u)))
        {
            v.Add(new InputViolation(param, ViolationCode.InvalidUrl));
        }
    }

    public static void Defined(List<InputViolation> v, string param, bool defined)
    {
        if (!defined)
        {
            v.Add(new InputViolation(param, ViolationCode.NotAValue));
        }
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
