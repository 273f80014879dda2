namespace InquiryLive.Polls;

/// <summary>One item of a 测评表: a department (the usual case), an answer on the floor, or a title of its own.</summary>
public sealed record SheetItemRequest(int? DepartmentId, long? FloorItemId, string? Title);

/// <summary>
/// Opens a vote. Without <see cref="Items"/> it rates one subject (the named floor item, agenda item
/// or department, else the current question); with them it is a 测评表 of 2–30 items submitted once.
/// <see cref="SupersedeReason"/> is required when a subject was rated before: the earlier result is
/// then marked superseded.
/// </summary>
public sealed record OpenPollRequest(
    string? Title, long? FloorItemId, int? AgendaItemId, int? DepartmentId, int? Seconds,
    IReadOnlyList<SheetItemRequest>? Items = null, string? SupersedeReason = null);

/// <summary>A member's choice for one item of a sheet; a null choice leaves it blank (where the rule allows).</summary>
public sealed record ItemChoiceRequest(long? ItemId, Choice? Choice);

/// <summary>A ballot: <see cref="Choice"/> for a single vote, or <see cref="Choices"/> (one per item) for a sheet.</summary>
public sealed record BallotRequest(Guid? BallotId, Choice? Choice, IReadOnlyList<ItemChoiceRequest>? Choices = null);

/// <summary>Paper counts of one item.</summary>
public sealed record PaperItemRequest(long? ItemId, int? Satisfied, int? BasicallySatisfied, int? Dissatisfied);

/// <summary>
/// Paper ballots (纸质票) counted by the clerk. A single vote gives its three counts; a sheet gives
/// <see cref="Items"/> for every item. <see cref="Ballots"/> is the number of ballot papers collected
/// (default: the single vote's three counts added up); papers with no valid choice for an item are
/// counted blank for it. A tally already held is replaced only with <see cref="Replace"/> and a reason.
/// </summary>
public sealed record PaperCountRequest(
    int? Satisfied = null, int? BasicallySatisfied = null, int? Dissatisfied = null, int? Ballots = null,
    IReadOnlyList<PaperItemRequest>? Items = null, bool Replace = false, string? Reason = null);

/// <summary>Publishing: an invalid result is published only when the chair confirms, having seen why.</summary>
public sealed record PublishRequest(bool ConfirmInvalid = false);

public sealed record PublicRatingRequest(Choice? Choice);
