using InquiryLive.Agenda;
using InquiryLive.Domain.Sessions;
using InquiryLive.Moderation;
using InquiryLive.Polls;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.FollowUp;

/// <summary>
/// Arranges the demo session as a finished sitting, the way the live features leave it: ended,
/// three questions put in the hall (two answered with follow-ups, one deferred), four votes
/// (published satisfied, published re-report required, published hand-entered, closed but not
/// published), viewer questions in every status, and moderation audit rows.
/// </summary>
public sealed record FinishedSitting(
    Guid SessionId, int[] DepartmentIds, long[] FloorItemIds, Guid SatisfiedPoll, Guid ReReportPoll, Guid HandEnteredPoll,
    Guid UnpublishedPoll, Guid DeferredQuestion, Guid UnaskedQuestion, Guid PendingQuestion, Guid RejectedQuestion,
    int QuestionCount, int ModerationCount)
{
    public const string AskerViewerId = "viewer-asker-0001";
    public const string FormulaQuestion = "=HYPERLINK(\"http://example.invalid\",\"点我\") 物业费为什么涨价？";

    public static async Task<FinishedSitting> ArrangeAsync(InquiryApp app, string askerViewerId = AskerViewerId)
    {
        var sessionId = await app.DemoSessionId();
        return await app.Db(async db =>
        {
            var session = await db.Sessions.Include(s => s.Departments).SingleAsync(s => s.Id == sessionId);
            var d = session.Departments.OrderBy(x => x.Order).Select(x => x.Id).ToArray();
            var start = new DateTimeOffset(2026, 11, 20, 1, 30, 0, TimeSpan.Zero);
            session.State = SessionState.Ended;
            session.LikeCount = 98_000;
            session.ViewerVisits = 301_000;
            session.PeakViewers = 12_345;

            var floor = new[]
            {
                Floor(sessionId, 1, "刘志强 委员", d[0], "老旧小区物业服务如何全覆盖？", FloorOutcome.Answered, start, 8,
                    new FollowUpQuestion { QuestionerName = "刘志强 委员", Text = "明年能覆盖多少个小区？", At = start.AddMinutes(6) }),
                Floor(sessionId, 2, "周慧敏 委员", d[1], "物业收费如何监管？", FloorOutcome.Answered, start.AddMinutes(10), 7,
                    new FollowUpQuestion { QuestionerName = "周慧敏 委员", Text = "投诉多久办结？", At = start.AddMinutes(15) }),
                Floor(sessionId, 3, "网民提问", d[0], "维修资金使用慢怎么办？", FloorOutcome.Deferred, start.AddMinutes(20), null),
            };
            db.FloorItems.AddRange(floor);
            await db.SaveChangesAsync();

            var satisfied = Poll(sessionId, "对市住房和城乡建设局答复的满意度测评", d[0], floor[0].Id, start.AddMinutes(9), 28, 5, 1, "satisfied", published: true);
            var reReport = Poll(sessionId, "对市市场监督管理局答复的满意度测评", d[1], floor[1].Id, start.AddMinutes(19), 12, 10, 11, "reReportRequired", published: true);
            var handEntered = Poll(sessionId, "对市城市管理局答复的满意度测评（纸质票）", d[2], null, start.AddMinutes(30), 20, 10, 2, "satisfied", published: true);
            handEntered.EnteredByHand = true;
            handEntered.EnteredBy = "clerk";
            var unpublished = Poll(sessionId, "尚未公布的测评", d[3], null, start.AddMinutes(40), 3, 3, 27, "dissatisfied", published: false);
            db.Polls.AddRange(satisfied, reReport, handEntered, unpublished);

            var t = start.AddDays(-3);
            Question Q(string text, QuestionStatus status, int? dept, string viewer = "viewer-other", bool decided = true) => new()
            {
                Id = Guid.NewGuid(), SessionId = sessionId, ViewerId = viewer, Text = text, Status = status, DepartmentId = dept,
                CreatedAt = t = t.AddMinutes(3), DecidedBy = decided ? "moderator1" : null, DecidedAt = decided ? t.AddMinutes(1) : null,
            };
            var deferred = Q("小区电梯老化，维修资金什么时候能批下来？", QuestionStatus.Deferred, d[0], askerViewerId);
            var unasked = Q("物业企业退出后谁来接管？", QuestionStatus.Approved, d[2]);
            unasked.MeTooCount = 4;
            var pending = Q("业委会选举能否网上投票？", QuestionStatus.Pending, null, askerViewerId, decided: false);
            var rejected = Q("广告内容", QuestionStatus.Rejected, null);
            rejected.RejectReason = "与询问主题无关";
            var merged = Q("电梯维修资金何时到位？", QuestionStatus.Merged, d[0]);
            merged.MergedIntoId = deferred.Id;
            deferred.MergedCount = 1;
            var answered = Q("老旧小区物业全覆盖时间表？", QuestionStatus.Answered, d[0]);
            var formula = Q(FormulaQuestion, QuestionStatus.Rejected, d[1]);
            formula.RejectReason = "含链接";
            var questions = new[] { deferred, unasked, pending, rejected, merged, answered, formula };
            db.Questions.AddRange(questions);

            var audit = new[]
            {
                Decision(sessionId, deferred.Id, "approve", t), Decision(sessionId, unasked.Id, "approve", t.AddSeconds(5)),
                Decision(sessionId, rejected.Id, "reject", t.AddSeconds(10), reason: "与询问主题无关"),
                Decision(sessionId, merged.Id, "merge", t.AddSeconds(15), target: deferred.Id),
                Decision(sessionId, answered.Id, "approve", t.AddSeconds(20)),
                Decision(sessionId, formula.Id, "reject", t.AddSeconds(25), reason: "含链接"),
            };
            db.ModerationDecisions.AddRange(audit);
            await db.SaveChangesAsync();

            return new FinishedSitting(sessionId, d, floor.Select(f => f.Id).ToArray(), satisfied.Id, reReport.Id, handEntered.Id,
                unpublished.Id, deferred.Id, unasked.Id, pending.Id, rejected.Id, questions.Length, audit.Length);
        });
    }

    private static FloorItem Floor(Guid sessionId, int order, string who, int dept, string text, FloorOutcome outcome,
        DateTimeOffset called, int? answeredAfterMinutes, params FollowUpQuestion[] followUps) => new()
    {
        SessionId = sessionId, Order = order, QuestionerName = who, DepartmentId = dept, Text = text, Outcome = outcome,
        Source = order == 3 ? FloorSource.Online : FloorSource.Agenda, ReadBy = order == 3 ? "孙立新 代表" : null,
        CalledAt = called, AnsweredAt = answeredAfterMinutes is { } m ? called.AddMinutes(m) : null, FollowUps = [.. followUps],
    };

    private static Poll Poll(Guid sessionId, string title, int dept, long? floorItemId, DateTimeOffset opened,
        int s, int b, int x, string verdict, bool published)
    {
        var poll = new Poll
        {
            Id = Guid.NewGuid(), SessionId = sessionId, Title = title,
            State = published ? PollState.Published : PollState.Closed, OpenedAt = opened, ClosedAt = opened.AddMinutes(2),
            PublishedAt = published ? opened.AddMinutes(3) : null, Entitled = 35, Present = s + b + x, Voted = s + b + x,
            Items = [new PollItem { Order = 1, Title = title, DepartmentId = dept, FloorItemId = floorItemId, Satisfied = s, BasicallySatisfied = b, Dissatisfied = x, Verdict = verdict }],
        };
        poll.SetRule(InquiryLive.Domain.Satisfaction.EvaluationRule.Default);
        return poll;
    }

    private static ModerationDecision Decision(Guid sessionId, Guid questionId, string action, DateTimeOffset at,
        string? reason = null, Guid? target = null) => new()
    {
        SessionId = sessionId, QuestionId = questionId, Moderator = "moderator1", Action = action, At = at, Reason = reason,
        TargetQuestionId = target,
    };
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
