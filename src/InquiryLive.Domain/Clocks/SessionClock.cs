namespace InquiryLive.Domain.Clocks;

/// <summary>The three things the hall times: putting the question, the answer, a follow-up (追问).</summary>
public static class ClockPhases
{
    public const string Ask = "ask";
    public const string Answer = "answer";
    public const string FollowUp = "followUp";

    public static readonly string[] All = [Ask, Answer, FollowUp];

    public static bool IsKnown(string? phase) => phase is not null && All.Contains(phase);
}

/// <summary>
/// The shared clock as stored: a phase, its length, the milliseconds already run, and when it last
/// started (null while paused or stopped). Server time is the reference; every screen computes the
/// same remaining time from these four values. Remaining may go negative: that is overtime.
/// </summary>
public readonly record struct SessionClock(string? Phase, int DurationSeconds, DateTimeOffset? StartedAt, long ElapsedMs)
{
    public static readonly SessionClock Idle = new(null, 0, null, 0);

    public const int MaxSeconds = 3600;

    public bool Running => StartedAt is not null;

    public long ElapsedAt(DateTimeOffset now) =>
        ElapsedMs + (StartedAt is { } started ? Math.Max(0, (long)(now - started).TotalMilliseconds) : 0);

    public long RemainingMs(DateTimeOffset now) => DurationSeconds * 1000L - ElapsedAt(now);

    /// <summary>A fresh run of a phase: whatever ran before (the ask clock, say) is replaced.</summary>
    public static SessionClock Start(string phase, int seconds, DateTimeOffset now)
    {
        if (!ClockPhases.IsKnown(phase))
        {
            throw new DomainException("clock.phase", "未知的计时类型。", "Unknown clock phase.", 400);
        }
        if (seconds is < 1 or > MaxSeconds)
        {
            throw new DomainException("clock.seconds", "计时时长须在 1 秒到 60 分钟之间。", "A clock runs between 1 second and 60 minutes.", 400);
        }
        return new SessionClock(phase, seconds, now, 0);
    }

    /// <summary>Stops the count but keeps what has run, so resume continues from there.</summary>
    public SessionClock Pause(DateTimeOffset now) => StartedAt is null
        ? throw new DomainException("clock.notRunning", "计时器未在运行。", "The clock is not running.")
        : this with { ElapsedMs = ElapsedAt(now), StartedAt = null };

    public SessionClock Resume(DateTimeOffset now)
    {
        if (Phase is null) throw new DomainException("clock.idle", "尚未开始计时。", "No clock has been started.");
        if (StartedAt is not null) throw new DomainException("clock.running", "计时器已在运行。", "The clock is already running.");
        return this with { StartedAt = now };
    }

    /// <summary>Ends the current phase; the clock shows nothing until the next start.</summary>
    public SessionClock Stop() => Idle;
}
