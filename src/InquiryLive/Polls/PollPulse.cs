using System.Collections.Concurrent;

namespace InquiryLive.Polls;

/// <summary>
/// Marks votes whose turnout or public rating changed since the last push. The <see cref="PollClock"/>
/// drains these marks a few times a second, so a burst of 70 ballots (or 19,000 ratings) becomes a
/// handful of events rather than one per ballot.
/// </summary>
public sealed class PollPulse
{
    private readonly ConcurrentDictionary<Guid, Guid> _turnout = new();
    private readonly ConcurrentDictionary<Guid, Guid> _ratings = new();

    public void TurnoutChanged(Guid sessionId, Guid pollId) => _turnout[pollId] = sessionId;

    public void RatingChanged(Guid sessionId, Guid pollId) => _ratings[pollId] = sessionId;

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
