using System.Text.Json;
using InquiryLive.Domain;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Live;

namespace InquiryLive.Polls;

/// <summary>
/// The states of a vote after it opens (open → closed → published) as changes inside one session
/// transaction. The chair's endpoints and the clock that closes a vote on time both go through here.
/// </summary>
internal static class PollLifecycle
{
    /// <summary>Who closed a vote whose time ran out, in the audit log.</summary>
    public const string ClockActor = "限时结束";

    /// <summary>
    /// The time as the database keeps it (whole milliseconds), so an answer given now and the same
    /// value read back later are identical.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, t.Offset);

    public static async Task<Poll> FindAsync(SessionChange change, Guid pollId, CancellationToken ct) =>
        await PollReads.FindAsync(change.Db, change.Session.Id, pollId, tracked: true, ct) ?? throw NotFound();

    public static DomainException NotFound() => new("poll.notFound", "没有找到该测评。", "No such vote.", 404);

    /// <summary>
    /// Freezes 签到 and every item's tally at close. Closing a closed vote returns the frozen result
    /// unchanged, so two closes racing each other (or the clock) give one tally.
    /// </summary>
    public static async Task<PollResultView> CloseAsync(SessionChange change, Guid pollId, string by, CancellationToken ct)
    {
        var poll = await FindAsync(change, pollId, ct);
        if (poll.State != PollState.Open) return await PollResults.BuildAsync(change.Db, poll, forStaff: true, ct);

        await PollTallying.FreezeAsync(change.Db, poll, ct);
        poll.State = PollState.Closed;
        poll.ClosedAt = Stored(change.Now);
        change.Db.VoteAudit.Add(new VoteAuditEntry
        {
            SessionId = poll.SessionId, PollId = poll.Id, Action = VoteAuditActions.Closed, By = by, At = poll.ClosedAt.Value,
            Detail = JsonSerializer.Serialize(PollTallying.Snapshot(poll), LiveJson.Options),
        });
        change.Publish("poll.turnout", new TurnoutView(poll.Id, poll.Voted, poll.Entitled));
        change.Publish("poll.closed", new { poll = await PollReads.ViewAsync(change.Db, poll, ct) });
        // The result reads the evaluator groups' tallies back from the database: they must be written first.
        await change.Db.SaveChangesAsync(ct);
        return await PollResults.BuildAsync(change.Db, poll, forStaff: true, ct);
    }

    /// <summary>
    /// Publishes a closed vote. A result with an invalid item (under the 参加测评人数下限) is published
    /// only when the chair confirms having seen why; it is then shown marked 无效.
    /// </summary>
    public static async Task<PollResultView> PublishAsync(SessionChange change, Guid pollId, bool confirmInvalid, string by, CancellationToken ct)
    {
        var poll = await FindAsync(change, pollId, ct);
        if (poll.State != PollState.Closed)
        {
            throw poll.State == PollState.Open
                ? new DomainException("poll.notClosed", "测评尚未结束，不能公布结果。", "Close the vote before publishing its result.")
                : new DomainException("poll.alreadyPublished", "该测评结果已经公布。", "This result has already been published.");
        }
        var before = await PollResults.BuildAsync(change.Db, poll, forStaff: false, ct);
        var invalid = before.Items.Where(i => i.Verdict == Verdicts.Invalid && i.Superseded is null).ToList();
        if (invalid.Count > 0 && !confirmInvalid)
        {
            string Reasons(Func<ItemResultView, string?> text) => string.Join(" ", invalid.Select(i => invalid.Count > 1 || poll.Kind == PollKind.Sheet ? $"【{i.Title}】{text(i)}" : text(i)));
            throw new DomainException("poll.invalidNeedsConfirmation",
                $"该测评结果无效：{Reasons(i => i.InvalidTextZh)} 如仍要公布，请确认；结果将标明“无效”。",
                $"This result is invalid: {Reasons(i => i.InvalidTextEn)} Confirm to publish it anyway; it will be marked invalid.");
        }
        poll.State = PollState.Published;
        poll.PublishedAt = Stored(change.Now);
        change.Db.VoteAudit.Add(new VoteAuditEntry
        {
            SessionId = poll.SessionId, PollId = poll.Id, At = poll.PublishedAt.Value, By = by,
            Action = invalid.Count > 0 ? VoteAuditActions.PublishedInvalid : VoteAuditActions.Published,
            Reason = invalid.Count > 0 ? string.Join(" ", invalid.Select(i => i.InvalidTextZh)) : null,
        });
        // The result built above is the published one but for its state: publishing changes nothing else.
        var result = before with { State = poll.State, PublishedAt = poll.PublishedAt };
        change.Publish("poll.published", new { result });
        return result;
    }

    /// <summary>The frozen result of a closed or published vote, for the chair and admin (the preview before publishing).</summary>
    public static async Task<PollResultView> TallyAsync(Data.AppDbContext db, Guid sessionId, Guid pollId, CancellationToken ct)
    {
        var poll = await PollReads.FindAsync(db, sessionId, pollId, tracked: false, ct) ?? throw NotFound();
        if (poll.State == PollState.Open)
        {
            throw new DomainException("poll.stillOpen", "测评仍在进行，结束前不显示计票结果。", "The vote is still open: no tally before it closes.");
        }
        return await PollResults.BuildAsync(db, poll, forStaff: true, ct);
    }
}
