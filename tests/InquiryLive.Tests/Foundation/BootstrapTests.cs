using System.Net;
using System.Net.Http.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Foundation;

public sealed class BootstrapTests
{
    [Fact]
    public async Task WithoutDemoSeeding_NoDefaultAccountExists_AndTheBootstrapAdminCanSignIn()
    {
        using var app = new InquiryApp(new()
        {
            ["Database:SeedDemo"] = "false",
            ["Bootstrap:AdminUserName"] = "first-admin",
            ["Bootstrap:AdminPassword"] = "Bootstrap-Password-9",
        });
        var client = app.Browser();

        var demo = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = InquiryApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal(1, await app.Db(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.Db(db => db.Sessions.CountAsync()));

        var bootstrap = await client.PostAsJsonAsync("/api/auth/login", new { userName = "first-admin", password = "Bootstrap-Password-9" });
        Assert.Equal(HttpStatusCode.OK, bootstrap.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/diagnostics")).StatusCode);
    }

    [Fact]
    public async Task WithoutDemoSeedingOrBootstrap_TheDatabaseHasNoAccountAtAll()
    {
        using var app = new InquiryApp(new() { ["Database:SeedDemo"] = "false" });
        await app.Browser().GetAsync("/healthz");
        Assert.Equal(0, await app.Db(db => db.Users.CountAsync()));
    }
}
