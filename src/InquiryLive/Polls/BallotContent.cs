using InquiryLive.Domain;

namespace InquiryLive.Polls;

/// <summary>What a ballot says about each item of its vote, checked against the vote's items and rule.</summary>
internal static class BallotContent
{
    /// <summary>The chosen items and their choices; blank items have none. Throws a 400 for a ballot the vote cannot take.</summary>
    public static IReadOnlyList<(long ItemId, Choice Choice)> ChoicesFor(Poll poll, BallotRequest request)
    {
        var items = poll.Items.OrderBy(i => i.Order).ToList();
        if (request.Choices is null)
        {
            if (poll.Kind == PollKind.Sheet)
            {
                throw new DomainException("ballot.sheetChoices", "这是一张测评表：请逐项作出选择后提交。",
                    "This vote is a sheet: give a choice for each item.", 400);
            }
            return [(items[0].Id, request.Choice!.Value)];
        }
        var ids = items.Select(i => i.Id).ToHashSet();
        if (request.Choices.Any(c => !ids.Contains(c.ItemId!.Value)) || request.Choices.Select(c => c.ItemId).Distinct().Count() != request.Choices.Count)
        {
            throw new DomainException("ballot.unknownItem", "选票中的项目与本次测评不符，请刷新页面后重新填写。",
                "The ballot names items that are not on this vote (or one twice): reload the page and fill it in again.", 400);
        }
        var chosen = request.Choices.Where(c => c.Choice is not null).ToDictionary(c => c.ItemId!.Value, c => c.Choice!.Value);
        var missing = items.Where(i => !chosen.ContainsKey(i.Id)).ToList();
        if (missing.Count > 0 && !poll.AllowBlank)
        {
            throw new DomainException("ballot.itemRequired", $"请对每一项作出选择（尚未选择：{string.Join("、", missing.Select(i => i.Title))}）。",
                $"Every item needs a choice (missing: {string.Join(", ", missing.Select(i => i.Title))}).", 400);
        }
        if (chosen.Count == 0)
        {
            throw new DomainException("ballot.empty", "请至少对一项作出选择。", "Choose for at least one item.", 400);
        }
        return items.Where(i => chosen.ContainsKey(i.Id)).Select(i => (i.Id, chosen[i.Id])).ToList();
    }
}
