namespace KieCatalog.Errors;

/// <summary>The user-facing text of each error kind, in Russian and English.</summary>
internal static class KieErrorMessages
{
    public static string For(KieError error, bool ru) => error.Reason switch
    {
        KieFailReason.CopyrightedLyrics => ru
            ? "Suno отклонил текст песни: в нём материал, защищённый авторским правом. Напишите свой текст и попробуйте снова."
            : "Suno refused the lyrics: they contain copyrighted material. Write your own lyrics and try again.",
        KieFailReason.MatchesExistingWork => ru
            ? "Suno отклонил загруженное аудио: оно совпадает с уже существующим произведением. Загрузите свою запись и попробуйте снова."
            : "Suno refused the uploaded audio: it matches an existing work. Upload a recording of your own and try again.",
        KieFailReason.RefundedByKie => ru
            ? "Suno не смог сделать эту песню из-за сбоя на своей стороне (KIE уже вернул за неё свои кредиты). Попробуйте ещё раз."
            : "Suno could not make this song because of a fault on its side (KIE has already taken it off its bill). Please try again.",
        _ => ByKind(error, ru),
    };

    private static string ByKind(KieError error, bool ru) => error.Kind switch
    {
        KieErrorKind.InvalidInput => ru
            ? "Параметры запроса не подошли модели. Проверьте их и попробуйте снова."
            : "The model did not accept these settings. Check them and try again.",
        KieErrorKind.Unauthorized => ru
            ? "Сервис генерации сейчас недоступен из-за настройки доступа. Мы уже знаем; попробуйте позже."
            : "The generation service is unavailable because of an access setting. We have been told; please try later.",
        KieErrorKind.OutOfCredits => ru
            ? "Сервис генерации временно исчерпал лимит. Мы пополним его; попробуйте позже."
            : "The generation service has run out of its limit for now. We will top it up; please try later.",
        KieErrorKind.NotFound => ru
            ? "Задача генерации не найдена. Запустите генерацию заново."
            : "The generation task was not found. Please start it again.",
        KieErrorKind.RateLimited => ru
            ? "Сейчас слишком много запросов. Подождите минуту и попробуйте снова."
            : "There are too many requests right now. Wait a minute and try again.",
        KieErrorKind.Maintenance => ru
            ? "Сервис генерации на обслуживании. Попробуйте через несколько минут."
            : "The generation service is under maintenance. Try again in a few minutes.",
        KieErrorKind.Server => ru
            ? "У сервиса генерации временный сбой. Попробуйте через несколько минут."
            : "The generation service has a temporary fault. Try again in a few minutes.",
        KieErrorKind.ProviderFailed => ru
            ? "Модель не смогла выполнить генерацию. Попробуйте ещё раз или измените запрос."
            : "The model could not complete the generation. Try again or change the request.",
        KieErrorKind.ContentPolicy => ru
            ? "Запрос отклонён модерацией модели. Измените текст или изображение и попробуйте снова."
            : "The model's moderation refused this request. Change the text or image and try again.",
        KieErrorKind.Timeout => ru
            ? "Сервис генерации не ответил вовремя. Попробуйте ещё раз."
            : "The generation service did not answer in time. Please try again.",
        KieErrorKind.Network => ru
            ? "Нет связи с сервисом генерации. Попробуйте через минуту."
            : "The generation service cannot be reached. Try again in a minute.",
        KieErrorKind.MalformedResponse => ru
            ? "Сервис генерации ответил непонятно. Попробуйте ещё раз."
            : "The generation service gave an unreadable answer. Please try again.",
        _ => ru
            ? "Что-то пошло не так при генерации. Попробуйте ещё раз."
            : "Something went wrong with the generation. Please try again.",
    };
}
