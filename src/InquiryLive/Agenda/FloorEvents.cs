using InquiryLive.Questions;
using InquiryLive.Sessions;

namespace InquiryLive.Agenda;

// Payloads of the floor's events (see docs/protocol.md, "Session setup, agenda, floor and clocks"). Public unless noted.

/// <summary><c>floor.called</c>: the new current question.</summary>
public sealed record FloorCalled(FloorView Floor);

/// <summary><c>floor.followUpAdded</c>: a follow-up (追问) on the current question.</summary>
public sealed record FloorFollowUpAdded(long FloorItemId, FollowUpView FollowUp);

/// <summary><c>floor.closed</c>: the current question was answered or deferred; nothing is current now.</summary>
public sealed record FloorClosed(FloorView Floor);

/// <summary><c>clock.changed</c>: the shared clock was started, paused, resumed or stopped.</summary>
public sealed record ClockChanged(ClockView Clock);

public sealed record CallRequest(int? AgendaItemId, Guid? QuestionId, string? ReadBy);

public sealed record FollowUpRequest(string? QuestionerName, string? Text);

public sealed record ClockStartRequest(string? Phase, int? Seconds);
