using InquiryLive.Accounts;
using InquiryLive.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Live;

/// <summary>
/// The staff hub (/hubs/console): moderators, the chair and clerks receive both the public and the
/// staff-only streams of a session here. Anonymous connections are refused with 401.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ConsoleHub(AppDbContext db, AccountConnections accounts, TimeProvider time) : Hub<IConsoleClient>
{
    public override Task OnConnectedAsync()
    {
        accounts.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        accounts.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    public async Task<JoinResult> JoinSession(Guid sessionId)
    {
        var session = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.PublicSeq, s.StaffSeq })
            .FirstOrDefaultAsync()
            ?? throw new HubException("session.notFound");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Staff(sessionId));
        return new JoinResult(sessionId, session.PublicSeq, session.StaffSeq, time.GetUtcNow());
    }

    public Task LeaveSession(Guid sessionId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Staff(sessionId));
}
