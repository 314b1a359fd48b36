// The gallery's words in the bot's two languages.
window.galleryTexts = {
  en: {
    title: "Gallery", balance: "Balance: {0} cr", topup: "Top up", all: "All", image: "Images", video: "Video",
    audio: "Audio", text: "Text", allModels: "All models", empty: "Nothing here yet: your generations will appear here.",
    back: "← Back", send: "Send to chat", repeat: "Repeat", copy: "Copy prompt", copied: "Prompt copied",
    sent: "Sent to the chat", failed: "Try again in a moment", prompt: "Prompt", price: "Price", date: "Date",
    state: "State", settings: "Settings", parent: "Made from", children: "Follow-ups", followUps: "Continue",
    credits: "{0} cr", deniedTitle: "Open the gallery from the bot",
    denied: "This link is not valid or has expired. Open the gallery again with the bot's menu button.",
    created: "queued", submitted: "queued", running: "generating", succeeded: "done", failed_state: "failed",
    refunded: "failed, refunded", cancelled: "cancelled",
  },
  ru: {
    title: "Галерея", balance: "Баланс: {0} кр", topup: "Пополнить", all: "Все", image: "Картинки", video: "Видео",
    audio: "Аудио", text: "Текст", allModels: "Все модели", empty: "Пока пусто: здесь появятся ваши генерации.",
    back: "← Назад", send: "Отправить в чат", repeat: "Повторить", copy: "Скопировать промпт", copied: "Промпт скопирован",
    sent: "Отправлено в чат", failed: "Попробуйте ещё раз чуть позже", prompt: "Промпт", price: "Цена", date: "Дата",
    state: "Статус", settings: "Настройки", parent: "Сделано из", children: "Продолжения", followUps: "Продолжить",
    credits: "{0} кр", deniedTitle: "Откройте галерею из бота",
    denied: "Ссылка недействительна или устарела. Откройте галерею снова кнопкой меню бота.",
    created: "в очереди", submitted: "в очереди", running: "генерируется", succeeded: "готово", failed_state: "ошибка",
    refunded: "ошибка, возвращено", cancelled: "отменено",
  },
};
