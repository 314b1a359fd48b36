using System.Text.Json;
using KieBot.Conversation;
using KieCatalog;
using KieCatalog.Catalog;

namespace KieBot.Features.Form;

/// <summary>
/// How an answer (its wire JSON) reads on the summary and settings screens, per parameter kind the catalog uses: the
/// generated <see cref="IParamKindHandler{TResult}"/> again, so a new kind does not compile until it can be shown.
/// </summary>
internal sealed class ValueDisplay(Turn turn, string json) : IParamKindHandler<string>
{
    public string OnText(ParamDescriptor param) => Quoted();

    public string OnString(ParamDescriptor param) => Quoted();

    public string OnInteger(ParamDescriptor param) => json;

    public string OnNumber(ParamDescriptor param) => json;

    public string OnBoolean(ParamDescriptor param) => turn.T(json == "true" ? "value.yes" : "value.no");

    public string OnEnum(ParamDescriptor param) =>
        param.Values.FirstOrDefault(v => ParamValues.Enum(v) == json) is { } value ? value.Display(turn.Language) : json.StartsWith('"') ? Quoted() : json;

    public string OnImage(ParamDescriptor param) => Files(1);

    public string OnImageList(ParamDescriptor param) => Files(ParamValues.ReadUrls(json).Count);

    public string OnVideo(ParamDescriptor param) => Files(1);

    public string OnVideoList(ParamDescriptor param) => Files(ParamValues.ReadUrls(json).Count);

    public string OnAudio(ParamDescriptor param) => Files(1);

    public string OnAudioList(ParamDescriptor param) => Files(ParamValues.ReadUrls(json).Count);

    public string OnFile(ParamDescriptor param) => Files(1);

    public string OnJson(ParamDescriptor param) => Telegram.TelegramLimits.Fit(json, 60);

    public string OnTask(ParamDescriptor param) => turn.T("value.earlier");

    public string OnList(ParamDescriptor param) => turn.T("value.items", ("count", Lists.ListValues.Count(json)));

    private string Files(int count) => turn.T("value.files", ("count", count));

    private string Quoted() => Telegram.TelegramLimits.Fit(JsonSerializer.Deserialize(json, FormJson.Default.String) ?? string.Empty, 60);
}
