using System.Text.Json;

namespace InquiryLive.Live;

/// <summary>An event of a session's stream as clients receive it (over a hub or from /events).</summary>
public sealed record LiveEvent(Guid SessionId, string Stream, long Seq, string Type, DateTimeOffset At, JsonElement Data);

/// <summary>Aggregated, unsequenced counters: absolute totals, so a lost update is healed by the next.</summary>
public sealed record LiveCounters(Guid SessionId, long Likes, int Viewers, long ViewerVisits);

/// <summary>Answer to JoinSession: where the stream stands, and the server clock for skew correction.</summary>
public sealed record JoinResult(Guid SessionId, long Seq, long StaffSeq, DateTimeOffset ServerTime);

/// <summary>A change to one viewer's own question, sent to that viewer only.</summary>
public sealed record MyQuestionChanged(Guid SessionId, Guid QuestionId, string Status, string Text, string? RejectReason, Guid? MergedIntoId, string? WrittenReply);

/// <summary>Events the public hub pushes. Past-tense names; one method per kind of push.</summary>
public interface ILiveClient
{
    Task EventAppended(LiveEvent e);
    Task CountersChanged(LiveCounters counters);
    Task MyQuestionChanged(MyQuestionChanged change);
}

/// <summary>Events the staff hub pushes: the public stream, the staff stream, and counters.</summary>
public interface IConsoleClient
{
    Task EventAppended(LiveEvent e);
    Task CountersChanged(LiveCounters counters);
}

public static class LiveGroups
{
    public static string Session(Guid sessionId) => $"s:{sessionId:N}";
    public static string Staff(Guid sessionId) => $"st:{sessionId:N}";
}
