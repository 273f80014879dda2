using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Polls;
using InquiryLive.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Members;

/// <summary>
/// When a member's personal link works: while the sitting is live (or paused), or while one of the
/// session's votes is open (a 回头看 held after the sitting ended). Not before, not after.
/// </summary>
public static class SittingWindow
{
    public static async Task<bool> IsOpenAsync(AppDbContext db, InquirySession session, CancellationToken ct) =>
        session.State is SessionState.Live or SessionState.Paused
        || await db.Polls.AnyAsync(p => p.SessionId == session.Id && p.State == PollState.Open, ct);

    /// <summary>Refuses outside the window; forLink: a personal link's sign-in (else 签到 from the phone), and the message says which.</summary>
    public static async Task EnsureOpenAsync(AppDbContext db, InquirySession session, bool forLink, CancellationToken ct)
    {
        if (!await IsOpenAsync(db, session, ct)) throw Closed(session.State, forLink);
    }

    private static DomainException Closed(SessionState state, bool forLink) => (state == SessionState.Ended, forLink) switch
    {
        (true, true) => new("member.sittingOver", "会议已经结束，个人链接已停止使用。如有回头看测评，请在测评开始后再打开链接。",
            "The sitting is over and personal links no longer work. For a second evaluation, open the link once it has started.", 403),
        (false, true) => new("member.sittingNotStarted", "会议尚未开始，个人链接在会议进行期间才能使用。请在会议开始后再打开链接。",
            "The sitting has not started: personal links work only while it runs. Open the link again once it has started.", 403),
        (true, false) => new("member.sittingOver", "会议已经结束，不能再签到。", "The sitting is over: signing in for it is closed.", 403),
        _ => new("member.sittingNotStarted", "会议尚未开始，开始后才能签到。", "The sitting has not started: sign in for it once it has.", 403),
    };
}
