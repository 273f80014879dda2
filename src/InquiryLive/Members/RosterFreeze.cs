using InquiryLive.Domain;
using InquiryLive.Polls;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Members;

/// <summary>The roster (and its groups) cannot change while a vote is open: the entitled and the evaluators are fixed for it.</summary>
public static class RosterFreeze
{
    public static async Task EnsureNoVoteOpenAsync(Live.SessionChange change, CancellationToken ct)
    {
        if (await change.Db.Polls.AnyAsync(p => p.SessionId == change.Session.Id && p.State == PollState.Open, ct))
        {
            throw new DomainException("member.voteOpen", "测评进行中，不能修改名单或签到基数。", "The roster cannot change while a vote is open.");
        }
    }
}
