using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Live;

/// <summary>
/// The live connections opened with an account's cookie (members on the public hub, staff on the
/// console hub), so they can be closed the moment the account's sign-ins are ended (a member's
/// link revoked or reissued). Anonymous viewers are never registered: they cost nothing here.
/// Every node closes its own, when its <see cref="LiveNotifier"/> sees <see cref="SignInsEndedEvent"/>.
/// </summary>
public sealed class AccountConnections(ILogger<AccountConnections> logger)
{
    /// <summary>Staff event whose data carries the <c>userId</c> whose connections close.</summary>
    public const string SignInsEndedEvent = "member.signInsEnded";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byUser = new();

    public static string? AccountId(ClaimsPrincipal? user) =>
        user?.Identities.FirstOrDefault(i => i.AuthenticationType != Accounts.ViewerIdentity.Scheme && i.IsAuthenticated)
            ?.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    public void Add(HubCallerContext context)
    {
        if (AccountId(context.User) is not { } userId) return;
        _byUser.GetOrAdd(userId, _ => new()).TryAdd(context.ConnectionId, context);
    }

    public void Remove(HubCallerContext context)
    {
        if (AccountId(context.User) is not { } userId || !_byUser.TryGetValue(userId, out var connections)) return;
        connections.TryRemove(context.ConnectionId, out _);
    }

    /// <summary>Closes every connection of the account on this node; their pages reconnect without the account.</summary>
    public int CloseAll(string userId)
    {
        if (!_byUser.TryRemove(userId, out var connections)) return 0;
        foreach (var connection in connections.Values) connection.Abort();
        if (connections.Count > 0) logger.LogInformation("Closed {Count} live connections of an account whose sign-ins were ended", connections.Count);
        return connections.Count;
    }

    /// <summary>Called for every event this node broadcasts: acts on the ones that end an account's sign-ins.</summary>
    internal void Observe(LiveEvent e)
    {
        if (e.Type != SignInsEndedEvent || !e.Data.TryGetProperty("userId", out var id) || id.ValueKind != JsonValueKind.String) return;
        CloseAll(id.GetString()!);
    }
}
