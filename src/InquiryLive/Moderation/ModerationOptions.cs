using System.ComponentModel.DataAnnotations;

namespace InquiryLive.Moderation;

/// <summary>Settings of moderation (section "Moderation" of appsettings.json).</summary>
public sealed class ModerationOptions
{
    /// <summary>Reasons offered when rejecting; a moderator may also type a reason of their own.</summary>
    public string[] RejectReasons { get; set; } = [];

    /// <summary>How long opening a question holds it for one moderator.</summary>
    [Range(5, 3600)]
    public int ClaimSeconds { get; set; } = 60;

    /// <summary>How long a moderator may undo their last decision.</summary>
    [Range(1, 3600)]
    public int UndoSeconds { get; set; } = 30;

    /// <summary>Lowest similarity shown as a possible duplicate of one question.</summary>
    [Range(0.05, 1)]
    public double SimilarThreshold { get; set; } = 0.3;

    /// <summary>Lowest similarity that links two pending questions into one cluster.</summary>
    [Range(0.05, 1)]
    public double ClusterThreshold { get; set; } = 0.5;

    public TimeSpan Claim => TimeSpan.FromSeconds(ClaimSeconds);
    public TimeSpan UndoWindow => TimeSpan.FromSeconds(UndoSeconds);
}
