namespace InquiryLive.Polls;

public sealed record OpenPollRequest(string? Title, long? FloorItemId, int? AgendaItemId, int? DepartmentId, int? Seconds);

public sealed record BallotRequest(Guid? BallotId, Choice? Choice);

public sealed record PaperCountRequest(int? Satisfied, int? BasicallySatisfied, int? Dissatisfied);

public sealed record PublicRatingRequest(Choice? Choice);
