using System.Text;

namespace KieBot.Bench;

/// <summary>A catalog of N modes shaped like real ones (10 modes a model, a prompt, enums, a price table).</summary>
internal static class SyntheticCatalog
{
    public static string Build(int modes)
    {
        var sb = new StringBuilder("{\"version\":\"synthetic\",\"creditUsd\":0.005,\"models\":[");
        var models = (modes + 9) / 10;
        for (var m = 0; m < models; m++)
        {
            sb.Append(m > 0 ? "," : "").Append("{\"id\":\"model-").Append(m).Append("\",\"name\":\"Model ").Append(m)
              .Append("\",\"vendor\":\"V\",\"category\":\"video\",\"description\":{\"en\":\"d\",\"ru\":\"д\"},\"modes\":[");
            for (var i = 0; i < 10 && m * 10 + i < modes; i++)
            {
                sb.Append(i > 0 ? "," : "").Append("{\"id\":\"mode-").Append(i).Append("\",\"kieModel\":\"v/m").Append(m).Append('-').Append(i)
                  .Append("\",\"output\":\"video\",\"label\":{\"en\":\"Mode\",\"ru\":\"Режим\"},")
                  .Append("\"price\":{\"by\":[\"resolution\",\"duration\"],\"table\":{\"720p\":{\"5\":10,\"10\":20},\"1080p\":{\"5\":30,\"10\":null}}},")
                  .Append("\"params\":{")
                  .Append("\"prompt\":{\"type\":\"text\",\"required\":true,\"maxLength\":5000,\"label\":{\"en\":\"Prompt\",\"ru\":\"Промпт\"}},")
                  .Append("\"image_urls\":{\"type\":\"image[]\",\"maxItems\":4,\"label\":{\"en\":\"Images\",\"ru\":\"Изображения\"}},")
                  .Append("\"resolution\":{\"type\":\"enum\",\"values\":[\"720p\",\"1080p\"],\"default\":\"720p\",\"label\":{\"en\":\"Resolution\",\"ru\":\"Разрешение\"}},")
                  .Append("\"duration\":{\"type\":\"enum\",\"values\":[\"5\",\"10\"],\"default\":\"5\",\"label\":{\"en\":\"Duration\",\"ru\":\"Длительность\"}},")
                  .Append("\"aspect_ratio\":{\"type\":\"enum\",\"values\":[\"16:9\",\"9:16\",\"1:1\"],\"default\":\"16:9\",\"label\":{\"en\":\"Aspect\",\"ru\":\"Формат\"}},")
                  .Append("\"cfg_scale\":{\"type\":\"number\",\"min\":0,\"max\":1,\"default\":0.5,\"label\":{\"en\":\"CFG\",\"ru\":\"CFG\"}},")
                  .Append("\"sound\":{\"type\":\"boolean\",\"default\":false,\"label\":{\"en\":\"Sound\",\"ru\":\"Звук\"}},")
                  .Append("\"seed\":{\"type\":\"integer\",\"min\":0,\"max\":2147483647,\"label\":{\"en\":\"Seed\",\"ru\":\"Сид\"}}")
                  .Append("}}");
            }

            sb.Append("]}");
        }

        return sb.Append("]}").ToString();
    }
}
