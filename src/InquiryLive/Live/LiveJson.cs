using System.Text.Json;
using System.Text.Json.Serialization;

namespace InquiryLive.Live;

/// <summary>The one JSON shape of the product: camelCase, enums as strings (same as the API).</summary>
public static class LiveJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
