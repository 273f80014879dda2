using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace InquiryLive.Live;

/// <summary>
/// SignalR's in-memory lifetime manager, except that a push to a group is handed to its members a
/// batch at a time (<see cref="LiveOptions.BroadcastBatchSize"/>), letting the thread pool carry
/// each batch to the sockets before the next is written.
/// </summary>
/// <remarks>
/// Why: the stock manager writes a push into every member's pipe in one loop, and each pipe takes a
/// 4 KB buffer for it until the connection's send loop has passed it on to the socket. With 19,000
/// viewers that was 19,000 buffers (78 MB) out at once on every broadcast, each one touched once,
/// out of cache; and the shared array pool either kept them all (about 4 KB per viewer held for
/// good) or allocated them anew for every broadcast (gen0 collections that decided the p99). Paced,
/// the buffers of one batch are back in the pool before the next batch asks for them.
/// The per-connection order of pushes is unchanged: a connection still takes its writes one at a
/// time, in the order they were started, and a caller that awaits <see cref="HandToGroupAsync"/>
/// before its next push starts nothing out of turn.
/// Group membership is kept here as well as in the base class, which keeps its own private. An
/// emptied group is kept (one per session and hub): dropping it could race a join into a group
/// that no push would reach again.
/// </remarks>
public class PacedGroupLifetimeManager<THub>(ILogger<DefaultHubLifetimeManager<THub>> logger, IOptions<LiveOptions> options)
    : DefaultHubLifetimeManager<THub>(logger) where THub : Hub
{
    private readonly int _batchSize = options.Value.BroadcastBatchSize;
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubConnectionContext>> _groups = new(StringComparer.Ordinal);

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        foreach (var (_, members) in _groups) members.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(groupName);
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            _groups.GetOrAdd(groupName, _ => new(StringComparer.Ordinal))[connectionId] = connection;
        }
        return base.AddToGroupAsync(connectionId, groupName, cancellationToken);
    }

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connectionId);
        ArgumentNullException.ThrowIfNull(groupName);
        if (_groups.TryGetValue(groupName, out var members)) members.TryRemove(connectionId, out _);
        return base.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
    }

    /// <summary>The same promise as the base class: done when every member has taken the push.</summary>
    public override async Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        var slowMembers = await HandToGroupAsync(groupName, methodName, args, cancellationToken);
        await slowMembers;
    }

    /// <summary>
    /// Writes the push to every member of the group, serialised once, <see cref="LiveOptions.BroadcastBatchSize"/>
    /// members at a time. Completes when every member has been handed it; the task it returns
    /// completes when the members that could not take it at once (a full pipe) have taken it too, or
    /// when <paramref name="cancellationToken"/> abandons those writes.
    /// </summary>
    public async Task<Task> HandToGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken)
    {
        if (!_groups.TryGetValue(groupName, out var members)) return Task.CompletedTask;
        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        List<Task>? pending = null;
        var inBatch = 0;
        foreach (var (_, connection) in members)
        {
            var write = connection.WriteAsync(message, cancellationToken);
            if (write.IsCompletedSuccessfully) write.GetAwaiter().GetResult();
            else (pending ??= []).Add(write.AsTask());
            if (_batchSize > 0 && ++inBatch == _batchSize)
            {
                inBatch = 0;
                // Queued behind the batch's send loops, which the pipe writes scheduled on the thread pool.
                await Task.Yield();
            }
        }
        return pending is null ? Task.CompletedTask : Task.WhenAll(pending);
    }

    /// <summary>Members in a group, as this node holds them (what the tests check membership by).</summary>
    public int CountMembers(string groupName) => _groups.TryGetValue(groupName, out var members) ? members.Count : 0;
}
