using Microsoft.AspNetCore.SignalR;

// A bare hub: viewers join a group; POST /broadcast sends one event shaped like InquiryLive's
// LiveEvent (same size) to the group. Nothing else: no database, no auth.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 4 * 1024);
var app = builder.Build();
app.UseWebSockets();
app.MapHub<BareLiveHub>("/hubs/live");
long seq = 0;
app.MapPost("/broadcast", async (IHubContext<BareLiveHub, IBareClient> hub, string session, int? bytes) =>
{
    var e = new BareEvent(Guid.Parse(session), "public", Interlocked.Increment(ref seq), "session.stateChanged",
        DateTimeOffset.UtcNow, new BareData(session, new string('x', Math.Max(0, (bytes ?? 256) - 200))));
    await hub.Clients.Group(session).EventAppended(e);
    return Results.Ok(new { e.Seq });
});
app.Run();

public interface IBareClient
{
    Task EventAppended(BareEvent e);
}

public sealed class BareLiveHub : Hub<IBareClient>
{
    public async Task<object> JoinSession(Guid sessionId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, sessionId.ToString());
        return new { sessionId, seq = 0, serverTime = DateTimeOffset.UtcNow };
    }
}

public sealed record BareData(string SessionId, string Padding);

public sealed record BareEvent(Guid SessionId, string Stream, long Seq, string Type, DateTimeOffset At, BareData Data);
