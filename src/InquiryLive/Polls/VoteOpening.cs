using System.Text.Json;
using InquiryLive.Domain;
using InquiryLive.Domain.Satisfaction;
using InquiryLive.Domain.Sessions;
using InquiryLive.Live;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Polls;

/// <summary>What a vote rates: one item's subject and title.</summary>
public sealed record VoteItemSpec(string Title, int? DepartmentId, long? FloorItemId, int? AgendaItemId);

/// <summary>Everything a vote opens with. The rule is the session's (a 回头看 takes its first vote's).</summary>
public sealed record VoteSpec(
    PollKind Kind, string Title, IReadOnlyList<VoteItemSpec> Items, int? Seconds, EvaluationRule Rule, bool Named, bool AllowBlank,
    string By, Guid? FollowsPollId = null, long? RectificationItemId = null, string? SupersedeReason = null);

/// <summary>
/// The one way a vote opens, whatever its kind: a quick vote on one answer, a 测评表, or a 回头看.
/// Checks the sitting, that no other vote is open, and whether a subject was rated before (then the
/// earlier result is marked superseded, with the reason, and both stay in the audit log).
/// </summary>
internal static class VoteOpening
{
    public static async Task<PollView> OpenAsync(SessionChange change, VoteSpec spec, CancellationToken ct)
    {
        var db = change.Db;
        var sessionId = change.Session.Id;
        // A 回头看 runs months after the sitting ended; every other vote needs the sitting live.
        if (spec.FollowsPollId is null && change.Session.State != SessionState.Live)
        {
            throw new DomainException("poll.sessionNotLive", "会议进行中才能发起测评。", "A vote can be opened only while the session is live.");
        }
        if (await db.Polls.AnyAsync(p => p.SessionId == sessionId && p.State == PollState.Open, ct))
        {
            throw new DomainException("poll.alreadyOpen", "已有一项测评正在进行，请先结束它。", "Another vote is still open: close it first.");
        }
        var now = PollLifecycle.Stored(change.Now);
        var poll = new Poll
        {
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            Title = spec.Title,
            Kind = spec.Kind,
            FollowsPollId = spec.FollowsPollId,
            RectificationItemId = spec.RectificationItemId,
            State = PollState.Open,
            OpenedAt = now,
            ClosesAt = spec.Seconds is { } s ? now.AddSeconds(s) : null,
            Named = spec.Named,
            AllowBlank = spec.AllowBlank,
            Items = spec.Items.Select((item, i) => new PollItem
            {
                Order = i + 1, Title = item.Title, DepartmentId = item.DepartmentId, FloorItemId = item.FloorItemId, AgendaItemId = item.AgendaItemId,
            }).ToList(),
        };
        poll.SetRule(spec.Rule);
        if (spec.FollowsPollId is null) await SupersedeEarlierAsync(change, poll, spec, ct);
        db.Polls.Add(poll);
        db.VoteAudit.Add(new VoteAuditEntry
        {
            SessionId = sessionId, PollId = poll.Id, Action = VoteAuditActions.Opened, By = spec.By, At = now,
            Detail = JsonSerializer.Serialize(new { poll.Kind, poll.Title, items = spec.Items, rule = RuleView.From(spec.Rule), poll.Named }, LiveJson.Options),
        });
        // The items need their ids before anyone can vote on them.
        await db.SaveChangesAsync(ct);
        var view = await PollReads.ViewAsync(db, poll, ct);
        change.Publish("poll.opened", new { poll = view });
        change.Publish("poll.turnout", new TurnoutView(poll.Id, 0, await PollReads.OfficialRosterAsync(db, sessionId, ct)));
        return view;
    }

    /// <summary>
    /// What makes two items "the same subject": the same answer on the floor or the same agenda item
    /// (an agenda item is called to the floor once, so a vote naming either names the other too),
    /// or the same department on two 测评表. A quick vote naming only a department is not matched:
    /// one department answers several questions in a sitting. A title alone is never matched.
    /// </summary>
    private static IEnumerable<string> SubjectKeys(PollKind kind, int? departmentId, long? floorItemId, int? agendaItemId)
    {
        if (floorItemId is { } f) yield return $"floor:{f}";
        if (agendaItemId is { } a) yield return $"agenda:{a}";
        if (floorItemId is null && agendaItemId is null && departmentId is { } d && kind == PollKind.Sheet) yield return $"department:{d}";
    }

    private static async Task SupersedeEarlierAsync(SessionChange change, Poll poll, VoteSpec spec, CancellationToken ct)
    {
        var keys = spec.Items.SelectMany(i => SubjectKeys(spec.Kind, i.DepartmentId, i.FloorItemId, i.AgendaItemId)).ToHashSet();
        if (keys.Count == 0) return;
        var earlier = await (from i in change.Db.PollItems
                             join p in change.Db.Polls on i.PollId equals p.Id
                             where p.SessionId == poll.SessionId && p.FollowsPollId == null && p.State != PollState.Open && i.SupersededByPollId == null
                             select new { Item = i, p.Kind, PollTitle = p.Title, p.ClosedAt }).ToListAsync(ct);
        var matched = earlier.Where(e => SubjectKeys(e.Kind, e.Item.DepartmentId, e.Item.FloorItemId, e.Item.AgendaItemId).Any(keys.Contains)).ToList();
        if (matched.Count == 0) return;
        var reason = Domain.Text.PlainText.Normalize(spec.SupersedeReason);
        if (reason.Length == 0)
        {
            var titles = string.Join("、", matched.Select(m => $"“{m.Item.Title}”"));
            throw new DomainException("poll.alreadyEvaluated",
                $"{titles}已经测评过。重新测评将使原结果作废（原结果仍保留在记录中），请说明重新测评的理由。",
                $"{string.Join(", ", matched.Select(m => $"\"{m.Item.Title}\""))} was already evaluated. A new vote supersedes the earlier result (kept on record): give the reason.");
        }
        foreach (var m in matched)
        {
            m.Item.SupersededByPollId = poll.Id;
            m.Item.SupersededReason = reason;
            m.Item.SupersededAt = poll.OpenedAt;
            m.Item.SupersededBy = spec.By;
        }
        foreach (var byPoll in matched.GroupBy(m => m.Item.PollId))
        {
            change.Db.VoteAudit.Add(new VoteAuditEntry
            {
                SessionId = poll.SessionId, PollId = byPoll.Key, Action = VoteAuditActions.Superseded, By = spec.By, At = poll.OpenedAt, Reason = reason,
                Detail = JsonSerializer.Serialize(new { supersededBy = poll.Id, items = byPoll.Select(m => new { m.Item.Id, m.Item.Title, m.Item.Verdict }) }, LiveJson.Options),
            });
        }
    }
}
