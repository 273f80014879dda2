using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain.Likes;
using InquiryLive.Domain.Sessions;
using InquiryLive.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InquiryLive.Live;

/// <summary>
/// The public hub (/hubs/live): anonymous viewers, the big screen and the overlay listen here.
/// It pushes events; state changes go through the HTTP API. Cheap, frequent things (likes,
/// presence) are hub methods.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class LiveHub(
    PresenceTracker presence, LikeCounter likes, AccountConnections accounts, IOptions<RateLimitSettings> limits, TimeProvider time) : Hub<ILiveClient>
{
    public const int MaxTapsPerCall = 50;

    /// <summary>A member's phone is registered so ending the member's sign-ins closes it (viewers are not).</summary>
    public override Task OnConnectedAsync()
    {
        accounts.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.LeaveAll(Context.ConnectionId);
        accounts.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Start receiving a session's public events. Returns the current seq and server time.</summary>
    /// <remarks>
    /// The database comes with this method only (SignalR resolves it from DI per call): the hub is
    /// built again for every invocation, and a like, by far the most frequent, needs none.
    /// </remarks>
    public async Task<JoinResult> JoinSession(Guid sessionId, [FromServices] AppDbContext db)
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

    /// <summary>
    /// Likes (点赞): a client batches its taps and sends the count. Counted in memory only for a
    /// session this connection watches; taps over the per-connection allowance are dropped silently.
    /// </summary>
    public void Like(Guid sessionId, int taps)
    {
        if (!presence.IsWatching(sessionId, Context.ConnectionId)) return;
        var allowance = Context.Features.GetOrCreate(limits.Value.LikesPerSecond, static perSecond => new TapAllowance(perSecond));
        var accepted = allowance.Take(Math.Clamp(taps, 1, MaxTapsPerCall), time.GetUtcNow());
        if (accepted > 0) likes.Add(sessionId, accepted);
    }
}
