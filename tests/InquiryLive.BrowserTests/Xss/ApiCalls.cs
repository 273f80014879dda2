using System.Net.Http.Json;
using System.Text.Json;

namespace InquiryLive.BrowserTests.Xss;

/// <summary>Arranging data through the real API: a refused call fails the test at once, with the server's answer.</summary>
internal static class ApiCalls
{
    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }

    public static async Task<JsonElement> Read(HttpClient client, string url) => await Read(await Ok(client.GetAsync(url)));

    public static async Task<JsonElement> Read(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
