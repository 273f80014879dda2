using InquiryLive.Accounts;
using InquiryLive.Domain.Sessions;
using InquiryLive.Hosting;
using InquiryLive.Live;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InquiryLive.Sessions;

public sealed record TransitionRequest(SessionState? To);

public sealed record SessionStateChanged(Guid SessionId, SessionState From, SessionState To);

/// <summary>Start / pause / resume / end a sitting (and open or close question collection).</summary>
internal static class SessionStateApi
{
    public static RouteGroupBuilder MapSessionState(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}").WithTags("Sessions");
        group.MapPost("/transitions", Transition).RequireAuthorization(Policies.ChairOnly);
        return group;
    }

    private static async Task<Results<Ok<SessionStateChanged>, ValidationProblem>> Transition(
        Guid sessionId, TransitionRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        if (request.To is not { } to || !Enum.IsDefined(to))
        {
            return new InputErrors(http).Add("to", "请指定目标状态。", "Name the state to move to.").ToProblem();
        }
        var changed = await commands.RunAsync(sessionId, change =>
        {
            var from = change.Session.State;
            change.Session.State = SessionStateMachine.Move(from, to);
            // From the first moment the sitting is live, its evaluation rules are frozen.
            if (to == SessionState.Live) change.Session.WentLiveAt ??= change.Now;
            var e = new SessionStateChanged(sessionId, from, to);
            change.Publish("session.stateChanged", e);
            if (to is SessionState.Paused or SessionState.Ended) Agenda.ClockApi.PauseForSitting(change);
            return Task.FromResult(e);
        }, ct);
        return TypedResults.Ok(changed);
    }
}
