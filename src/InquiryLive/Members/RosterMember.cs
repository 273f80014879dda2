namespace InquiryLive.Members;

/// <summary>
/// A committee member (常委会组成人员) on a session's roster: entitled to one ballot per vote.
/// The personal sign-in link is stored only as a hash.
/// </summary>
public sealed class RosterMember
{
    public int Id { get; set; }
    public Guid SessionId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>The Identity user this member signs in as.</summary>
    public required string UserId { get; set; }
    public string? SignInTokenHash { get; set; }
    public DateTimeOffset? SignInTokenIssuedAt { get; set; }
}
