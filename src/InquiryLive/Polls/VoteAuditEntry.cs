namespace InquiryLive.Polls;

/// <summary>
/// One step in the life of a vote, kept for the record: who did what, when, why, and (for paper
/// entries and superseded results) both tallies. Read by the chair and admin; in the report once
/// the vote is published.
/// </summary>
public sealed class VoteAuditEntry
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid PollId { get; set; }
    public required string Action { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
    /// <summary>JSON: the tallies before and after, the items superseded, the invalid reason confirmed.</summary>
    public string? Detail { get; set; }
}

public static class VoteAuditActions
{
    public const string Opened = "opened";
    public const string Closed = "closed";
    public const string PaperEntered = "paperEntered";
    public const string PaperReplaced = "paperReplaced";
    public const string Superseded = "superseded";
    public const string Published = "published";
    public const string PublishedInvalid = "publishedInvalid";
}
