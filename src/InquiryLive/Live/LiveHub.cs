using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Live;

/// <summary>
/// The public hub (/hubs/live): anonymous viewers, the big screen and the overlay listen here.
/// It pushes events; state changes go through the HTTP API. Cheap, frequent things (likes,
/// presence) are hub methods.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class LiveHub(AppDbContext db, PresenceTracker presence, TimeProvider time) : Hub<ILiveClient>
{
    public override async Task OnConnectedAsync()
    {
        var viewerId = Context.User?.ViewerId();
        if (viewerId is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Viewer(viewerId));
        }
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.LeaveAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Start receiving a session's public events. Returns the current seq and server time.</summary>
    public async Task<JoinResult> JoinSession(Guid sessionId)
    {
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.State != SessionState.Draft)
            .Select(s => new { s.PublicSeq })
            .FirstOrDefaultAsync()
            ?? throw new HubException("session.notFound");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Session(sessionId));
        presence.Join(sessionId, Context.ConnectionId);
        return new JoinResult(sessionId, session.PublicSeq, 0, time.GetUtcNow());
    }

    public async Task LeaveSession(Guid sessionId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Session(sessionId));
        presence.Leave(sessionId, Context.ConnectionId);
    }
}
