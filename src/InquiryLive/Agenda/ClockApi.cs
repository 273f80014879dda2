using InquiryLive.Accounts;
using InquiryLive.Domain.Clocks;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InquiryLive.Agenda;

/// <summary>
/// The shared clock (ask / answer / follow-up): start, pause, resume, stop. The session row holds
/// the state; every change is pushed as <c>clock.changed</c> and screens count down from server time.
/// </summary>
internal static class ClockApi
{
    public static RouteGroupBuilder MapClock(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/floor/clock").WithTags("Floor").RequireAuthorization(Policies.ChairOnly);
        group.MapPost("/start", Start);
        group.MapPost("/pause", (Guid sessionId, SessionCommands commands, CancellationToken ct) =>
            Change(sessionId, commands, (_, clock, now) => clock.Pause(now), ct));
        group.MapPost("/resume", (Guid sessionId, SessionCommands commands, CancellationToken ct) =>
            Change(sessionId, commands, (_, clock, now) => clock.Resume(now), ct, requireLive: true));
        group.MapPost("/stop", (Guid sessionId, SessionCommands commands, CancellationToken ct) =>
            Change(sessionId, commands, (_, clock, _) => clock.Stop(), ct));
        return group;
    }

    private static async Task<Results<Ok<ClockView>, ValidationProblem>> Start(
        Guid sessionId, ClockStartRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http)
            .Require(ClockPhases.IsKnown(request.Phase), "phase", "计时类型须为 ask、answer 或 followUp。", "The phase must be ask, answer or followUp.")
            .Require(request.Seconds is null or (>= 1 and <= SessionClock.MaxSeconds), "seconds", "计时时长须在 1 秒到 60 分钟之间。", "A clock runs between 1 second and 60 minutes.");
        if (errors.Any) return errors.ToProblem();
        var phase = request.Phase!;
        return await Change(sessionId, commands,
            (session, _, now) => SessionClock.Start(phase, request.Seconds ?? DefaultSeconds(session, phase), now), ct, requireLive: true);
    }

    private static int DefaultSeconds(InquirySession s, string phase) => phase switch
    {
        ClockPhases.Ask => s.AskSeconds,
        ClockPhases.Answer => s.AnswerSeconds,
        _ => s.FollowUpSeconds,
    };

    private static async Task<Ok<ClockView>> Change(
        Guid sessionId, SessionCommands commands, Func<InquirySession, SessionClock, DateTimeOffset, SessionClock> move, CancellationToken ct,
        bool requireLive = false)
    {
        var view = await commands.RunAsync(sessionId, change =>
        {
            var s = change.Session;
            if (requireLive) FloorApi.RequireLive(change);
            Write(s, move(s, Read(s), change.Now));
            var clock = ClockView.From(s);
            change.Publish("clock.changed", new ClockChanged(clock));
            return Task.FromResult(clock);
        }, ct);
        return TypedResults.Ok(view);
    }

    /// <summary>Stops the clock when the floor changes (a new question, or the current one closed).</summary>
    internal static void Reset(SessionChange change)
    {
        var s = change.Session;
        if (s.ClockPhase is null && s.ClockStartedAt is null && s.ClockElapsedMs == 0) return;
        Write(s, SessionClock.Idle);
        change.Publish("clock.changed", new ClockChanged(ClockView.From(s)));
    }

    /// <summary>Pausing the sitting pauses a running clock too (resuming the sitting leaves it paused for the chair).</summary>
    internal static void PauseForSitting(SessionChange change)
    {
        var s = change.Session;
        if (s.ClockStartedAt is null) return;
        Write(s, Read(s).Pause(change.Now));
        change.Publish("clock.changed", new ClockChanged(ClockView.From(s)));
    }

    private static SessionClock Read(InquirySession s) => new(s.ClockPhase, s.ClockDurationSeconds, s.ClockStartedAt, s.ClockElapsedMs);

    private static void Write(InquirySession s, SessionClock clock)
    {
        s.ClockPhase = clock.Phase;
        s.ClockDurationSeconds = clock.DurationSeconds;
        // Kept to the millisecond, as the database stores it: what the chair and the screens are
        // told is what a restarted server reads back.
        s.ClockStartedAt = clock.StartedAt is { } t ? new DateTimeOffset(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, t.Offset) : null;
        s.ClockElapsedMs = clock.ElapsedMs;
    }
}
