namespace InquiryLive.Domain.FollowUp;

/// <summary>Where a rectification item (整改事项) stands; computed from its dates, never stored.</summary>
public enum RectificationStatus { Open = 0, InProgress = 1, Done = 2, Overdue = 3 }

/// <summary>
/// The rules of the rectification list (清单式交办、销号式督办). Deadlines are calendar days in
/// China Standard Time (UTC+8, no daylight saving): an item is due by the end of its deadline day.
/// </summary>
public static class RectificationRules
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The calendar day it is in China at an instant.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime);

    /// <summary>Done once closed; otherwise overdue after the deadline day; in progress once started; else open.</summary>
    public static RectificationStatus Status(DateOnly deadline, DateTimeOffset? startedAt, DateTimeOffset? closedAt, DateTimeOffset now)
    {
        if (closedAt is not null) return RectificationStatus.Done;
        if (Today(now) > deadline) return RectificationStatus.Overdue;
        return startedAt is not null ? RectificationStatus.InProgress : RectificationStatus.Open;
    }

    /// <summary>A new item (or a moved deadline) may not be due before today.</summary>
    public static bool IsAcceptableDeadline(DateOnly deadline, DateTimeOffset now) => deadline >= Today(now);

    /// <summary>True when the item was closed after its deadline day (reported as "closed late").</summary>
    public static bool ClosedLate(DateOnly deadline, DateTimeOffset? closedAt) =>
        closedAt is { } closed && Today(closed) > deadline;

    /// <summary>Change of the satisfaction rate from a first vote to its second evaluation, in percentage points.</summary>
    public static double? RateChange(double? first, double? second) =>
        first is { } a && second is { } b ? Math.Round((b - a) * 100, 1) : null;

    /// <summary>Formats a time in China Standard Time for reports and spreadsheets.</summary>
    public static string Local(DateTimeOffset? at) => at is { } t ? t.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";
}
