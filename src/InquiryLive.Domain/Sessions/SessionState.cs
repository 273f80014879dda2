namespace InquiryLive.Domain.Sessions;

/// <summary>The life of an inquiry session: draft → open for questions → live ⇄ paused → ended.</summary>
public enum SessionState
{
    Draft = 0,
    OpenForQuestions = 1,
    Live = 2,
    Paused = 3,
    Ended = 4,
}

public static class SessionStateMachine
{
    private static readonly Dictionary<SessionState, SessionState[]> Allowed = new()
    {
        [SessionState.Draft] = [SessionState.OpenForQuestions, SessionState.Live],
        [SessionState.OpenForQuestions] = [SessionState.Live, SessionState.Draft, SessionState.Ended],
        [SessionState.Live] = [SessionState.Paused, SessionState.Ended],
        [SessionState.Paused] = [SessionState.Live, SessionState.Ended],
        [SessionState.Ended] = [],
    };

    public static bool CanMove(SessionState from, SessionState to) => Allowed[from].Contains(to);

    public static SessionState Move(SessionState from, SessionState to) =>
        CanMove(from, to)
            ? to
            : throw new DomainException("session.transition",
                $"会议当前为“{Label(from)}”，不能变为“{Label(to)}”。",
                $"A session that is {from} cannot become {to}.");

    public static string Label(SessionState state) => state switch
    {
        SessionState.Draft => "草稿",
        SessionState.OpenForQuestions => "征集问题中",
        SessionState.Live => "进行中",
        SessionState.Paused => "暂停",
        _ => "已结束",
    };

    /// <summary>The public may send questions while the session collects them or runs.</summary>
    public static bool AcceptsQuestions(SessionState state) =>
        state is SessionState.OpenForQuestions or SessionState.Live or SessionState.Paused;

    /// <summary>Drafts are invisible to the public.</summary>
    public static bool IsPublic(SessionState state) => state != SessionState.Draft;
}
