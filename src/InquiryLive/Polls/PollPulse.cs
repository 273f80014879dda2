using System.Collections.Concurrent;

namespace InquiryLive.Polls;

/// <summary>
/// Marks votes whose turnout or public rating changed since the last push, and sessions whose 签到 a ballot changed. The <see cref="PollClock"/>
/// drains these marks a few times a second, so a burst of 70 ballots (or 19,000 ratings) becomes a
/// handful of events rather than one per ballot.
/// </summary>
public sealed class PollPulse
{
    private readonly ConcurrentDictionary<Guid, Guid> _turnout = new();
    private readonly ConcurrentDictionary<Guid, Guid> _ratings = new();
    private readonly ConcurrentDictionary<Guid, bool> _attendance = new();

    public void TurnoutChanged(Guid sessionId, Guid pollId) => _turnout[pollId] = sessionId;

    public void RatingChanged(Guid sessionId, Guid pollId) => _ratings[pollId] = sessionId;

    /// <summary>A member's ballot signed them in (签到): the 实到 figure changed.</summary>
    public void AttendanceChanged(Guid sessionId) => _attendance[sessionId] = true;

    public IReadOnlyList<Guid> DrainAttendance()
    {
        var taken = new List<Guid>();
        foreach (var sessionId in _attendance.Keys)
        {
            if (_attendance.TryRemove(sessionId, out _)) taken.Add(sessionId);
        }
        return taken;
    }

    public IReadOnlyList<(Guid SessionId, Guid PollId)> DrainTurnout() => Drain(_turnout);

    public IReadOnlyList<(Guid SessionId, Guid PollId)> DrainRatings() => Drain(_ratings);

    private static List<(Guid, Guid)> Drain(ConcurrentDictionary<Guid, Guid> marks)
    {
        var taken = new List<(Guid, Guid)>();
        foreach (var pollId in marks.Keys)
        {
            if (marks.TryRemove(pollId, out var sessionId)) taken.Add((sessionId, pollId));
        }
        return taken;
    }
}
