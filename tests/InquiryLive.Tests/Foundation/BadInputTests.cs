using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Foundation;

public sealed class BadInputTests
{
    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        return body;
    }

    [Fact]
    public async Task MalformedJson_Gets400_AndChangesNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var response = await chair.PostAsync($"/api/sessions/{sessionId}/transitions",
            new StringContent("{\"to\": \"live\"", Encoding.UTF8, "application/json"));
        await Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.Db(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task UnknownEnumValue_Gets400()
    {
        using var app = new InquiryApp();
        var chair = await app.SignedIn("chair");
        var response = await chair.PostAsJsonAsync($"/api/sessions/{await app.DemoSessionId()}/transitions", new { to = "flying" });
        await Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MissingField_Gets400ValidationProblem_InEnglishWhenAsked()
    {
        using var app = new InquiryApp();
        var chair = await app.SignedIn("chair");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{await app.DemoSessionId()}/transitions")
        {
            Content = JsonContent.Create(new { }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        var body = await Problem(await chair.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Name the state to move to.", body.GetProperty("errors").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task UnknownSession_Gets404()
    {
        using var app = new InquiryApp();
        var chair = await app.SignedIn("chair");
        await Problem(await app.Browser().GetAsync($"/api/sessions/{Guid.NewGuid()}/snapshot"), HttpStatusCode.NotFound);
        await Problem(await app.Browser().GetAsync($"/api/sessions/{Guid.NewGuid()}/events?after=0"), HttpStatusCode.NotFound);
        await Problem(await chair.PostAsJsonAsync($"/api/sessions/{Guid.NewGuid()}/transitions", new { to = "live" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IllegalTransition_Gets409_AndChangesNothing()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var chair = await app.SignedIn("chair");
        var body = await Problem(await chair.PostAsJsonAsync($"/api/sessions/{sessionId}/transitions", new { to = "paused" }), HttpStatusCode.Conflict);
        Assert.Equal("session.transition", body.GetProperty("code").GetString());
        Assert.Equal(0, await app.Db(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task WrongRoles_Get401Or403()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var url = $"/api/sessions/{sessionId}/transitions";
        await Problem(await app.Browser().PostAsJsonAsync(url, new { to = "live" }), HttpStatusCode.Unauthorized);
        await Problem(await (await app.SignedIn("moderator1")).PostAsJsonAsync(url, new { to = "live" }), HttpStatusCode.Forbidden);
        await Problem(await (await app.SignedIn("member01")).PostAsJsonAsync(url, new { to = "live" }), HttpStatusCode.Forbidden);
        await Problem(await app.Browser().GetAsync($"/api/sessions/{sessionId}/staff-events"), HttpStatusCode.Unauthorized);
        Assert.Equal(0, await app.Db(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        using var app = new InquiryApp();
        var chair = await app.SignedIn("chair");
        var huge = "{\"to\":\"" + new string('x', 200_000) + "\"}";
        var response = await chair.PostAsync($"/api/sessions/{await app.DemoSessionId()}/transitions",
            new StringContent(huge, Encoding.UTF8, "application/json"));
        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
