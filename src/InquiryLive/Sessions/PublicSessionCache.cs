using System.Collections.Concurrent;
using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Sessions;

/// <summary>
/// Whether a session is public and which departments it has, read at most once a second per
/// session. The public's busiest endpoints (asking at 1,000/s, reading the approved list) check
/// this before doing anything; a query each time was a fixed cost on every request. A stale answer
/// is harmless: commands check again inside their transaction, and a department the cache does not
/// know yet is looked up afresh before a request is refused for it.
/// </summary>
public sealed class PublicSessionCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    /// <summary>The session's department ids; a 404 <see cref="DomainException"/> for an unknown or draft session.</summary>
    public async Task<IReadOnlySet<int>> DepartmentsAsync(AppDbContext db, Guid sessionId, int? mustKnow, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!_entries.TryGetValue(sessionId, out var entry) || entry.ReadAt + Lifetime <= now
            || (mustKnow is { } id && !entry.Departments.Contains(id)))
        {
            entry = await ReadAsync(db, sessionId, now, ct);
            // Only public sessions are kept: a draft opened a moment ago must not answer 404 for a second.
            if (entry is not null) _entries[sessionId] = entry;
        }
        return entry?.Departments ?? throw new DomainException("session.notFound", "没有找到该询问会议。", "No such inquiry session.", 404);
    }

    private static async Task<Entry?> ReadAsync(AppDbContext db, Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.State, Departments = s.Departments.Select(d => d.Id).ToList() })
            .FirstOrDefaultAsync(ct);
        return session is not null && SessionStateMachine.IsPublic(session.State)
            ? new Entry(now, session.Departments.ToHashSet())
            : null;
    }

    private sealed record Entry(DateTimeOffset ReadAt, HashSet<int> Departments);
}
