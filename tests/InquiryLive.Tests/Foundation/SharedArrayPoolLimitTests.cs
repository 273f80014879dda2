using System.Net.Http.Json;
using InquiryLive.Hosting;
using InquiryLive.Tests.Infrastructure;

namespace InquiryLive.Tests.Foundation;

/// <summary>
/// The server raises the shared array pool's limit before anything uses the pool (the runtime reads
/// it once); only a real server process shows whether that happened early enough, so these start one.
/// </summary>
public sealed class SharedArrayPoolLimitTests
{
    [Fact]
    public async Task TheServerProcess_RunsWithTheRaisedLimit()
    {
        Assert.True(await RaisedIn(new ServerProcess()));
    }

    [Fact]
    public async Task AValueTheOperatorSet_IsLeftAlone()
    {
        Assert.False(await RaisedIn(new ServerProcess(new() { [SharedArrayPoolLimit.Variable] = "32" })));
    }

    private static async Task<bool> RaisedIn(ServerProcess process)
    {
        using var server = process;
        await server.StartAsync();
        using var admin = server.Client();
        (await admin.PostAsJsonAsync("api/auth/login", new { userName = "admin", password = InquiryApp.Password })).EnsureSuccessStatusCode();
        var diagnostics = await admin.GetFromJsonAsync<ServerDiagnostics>("api/admin/diagnostics");
        return diagnostics!.SharedArrayPoolRaised;
    }
}
