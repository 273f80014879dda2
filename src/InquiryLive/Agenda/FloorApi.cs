using InquiryLive.Accounts;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Questions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Agenda;

/// <summary>
/// The chair runs the floor: call the next question (agenda or online), add follow-ups, close it as
/// answered or deferred to a written reply. One question is current at a time: calling while one is
/// current is refused (409 floor.busy); the chair closes it first.
/// </summary>
internal static class FloorApi
{
    public static RouteGroupBuilder MapFloor(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions/{sessionId:guid}/floor").WithTags("Floor").RequireAuthorization(Policies.ChairOnly);
        group.MapPost("/call", Call);
        group.MapPost("/follow-ups", AddFollowUp);
        group.MapPost("/answered", (Guid sessionId, SessionCommands commands, CancellationToken ct) => Close(sessionId, FloorOutcome.Answered, commands, ct));
        group.MapPost("/deferred", (Guid sessionId, SessionCommands commands, CancellationToken ct) => Close(sessionId, FloorOutcome.Deferred, commands, ct));
        return group;
    }

    private static async Task<Results<Ok<FloorView>, ValidationProblem>> Call(
        Guid sessionId, CallRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var readBy = PlainText.Normalize(request.ReadBy);
        var errors = new InputErrors(http)
            .Require((request.AgendaItemId is null) != (request.QuestionId is null), "agendaItemId",
                "请选择一位议程询问人或一条网友问题。", "Name either an agenda item or an online question.")
            .Require(request.QuestionId is null || readBy.Length is > 0 and <= 100, "readBy",
                "请填写代读人姓名（不超过 100 字）。", "Enter who reads the question out (up to 100 characters).");
        if (errors.Any) return errors.ToProblem();

        var floor = await commands.RunAsync(sessionId, async change =>
        {
            RequireLive(change);
            if (change.Session.CurrentFloorItemId is not null)
            {
                throw new DomainException("floor.busy", "当前问题尚未结束，请先标记已答复或转书面答复。",
                    "A question is still current; mark it answered or deferred first.");
            }
            var order = (await change.Db.FloorItems.Where(f => f.SessionId == sessionId).MaxAsync(f => (int?)f.Order, ct) ?? 0) + 1;
            var item = request.AgendaItemId is { } agendaItemId
                ? await FromAgendaAsync(change, agendaItemId, ct)
                : await FromOnlineAsync(change, request.QuestionId!.Value, readBy, ct);
            item.SessionId = sessionId;
            item.Order = order;
            item.CalledAt = change.Now;
            change.Db.FloorItems.Add(item);
            await change.Db.SaveChangesAsync(ct);
            change.Session.CurrentFloorItemId = item.Id;
            var view = AgendaQueries.ToView(item, await AgendaQueries.DepartmentNameAsync(change.Db, item.DepartmentId, ct));
            change.Publish("floor.called", new FloorCalled(view));
            ClockApi.Reset(change);
            return view;
        }, ct);
        return TypedResults.Ok(floor);
    }

    private static async Task<FloorItem> FromAgendaAsync(SessionChange change, int agendaItemId, CancellationToken ct)
    {
        var agenda = await change.Db.AgendaItems.FirstOrDefaultAsync(a => a.Id == agendaItemId && a.SessionId == change.Session.Id, ct)
            ?? throw new DomainException("agenda.notFound", "没有找到该议程。", "No such agenda item.", 404);
        if (agenda.Status != AgendaItemStatus.Waiting)
        {
            throw new DomainException("agenda.called", "该询问人已被点名。", "This questioner has already been called.");
        }
        agenda.Status = AgendaItemStatus.Current;
        await AgendaApi.SaveAndPublishAsync(change, ct);
        return new FloorItem
        {
            Source = FloorSource.Agenda, AgendaItemId = agenda.Id, QuestionerName = agenda.QuestionerName,
            DepartmentId = agenda.DepartmentId, Text = agenda.Subject,
        };
    }

    private static async Task<FloorItem> FromOnlineAsync(SessionChange change, Guid questionId, string readBy, CancellationToken ct)
    {
        var question = await change.Db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == change.Session.Id, ct)
            ?? throw new DomainException("question.notFound", "没有找到该问题。", "No such question.", 404);
        if (question.Status != QuestionStatus.Approved)
        {
            throw new DomainException("question.notApproved", "只能点名已通过审核、尚未询问的网友问题。",
                "Only an approved question that has not been asked yet can be called.");
        }
        question.Status = QuestionStatus.AskedLive;
        question.ReadBy = readBy;
        question.AskedAt = change.Now;
        PublishQuestion(change, question);
        return new FloorItem
        {
            Source = FloorSource.Online, QuestionId = question.Id, QuestionerName = question.Nickname ?? "网友",
            ReadBy = readBy, DepartmentId = question.DepartmentId, Text = question.Text,
        };
    }

    private static async Task<Results<Ok<FollowUpView>, ValidationProblem>> AddFollowUp(
        Guid sessionId, FollowUpRequest request, SessionCommands commands, HttpContext http, CancellationToken ct)
    {
        var name = PlainText.Normalize(request.QuestionerName);
        var text = PlainText.Normalize(request.Text);
        var errors = new InputErrors(http)
            .Require(name.Length is > 0 and <= 100, "questionerName", "请填写追问人（不超过 100 字）。", "Enter who asks the follow-up (up to 100 characters).")
            .Require(text.Length <= 2000, "text", "追问内容不超过 2000 字。", "A follow-up may have up to 2000 characters.");
        if (errors.Any) return errors.ToProblem();

        var followUp = await commands.RunAsync(sessionId, async change =>
        {
            RequireLive(change);
            if (!change.Session.FollowUpAllowed)
            {
                throw new DomainException("floor.followUpNotAllowed", "本次会议不允许追问。", "Follow-up questions are not allowed in this session.");
            }
            var current = await CurrentAsync(change, ct);
            var entry = new FollowUpQuestion { FloorItemId = current.Id, QuestionerName = name, Text = text, At = change.Now };
            change.Db.FollowUpQuestions.Add(entry);
            await change.Db.SaveChangesAsync(ct);
            var view = AgendaQueries.ToView(entry);
            change.Publish("floor.followUpAdded", new FloorFollowUpAdded(current.Id, view));
            return view;
        }, ct);
        return TypedResults.Ok(followUp);
    }

    private static async Task<Ok<FloorView>> Close(Guid sessionId, FloorOutcome outcome, SessionCommands commands, CancellationToken ct)
    {
        var floor = await commands.RunAsync(sessionId, async change =>
        {
            var current = await CurrentAsync(change, ct);
            await change.Db.Entry(current).Collection(f => f.FollowUps).LoadAsync(ct);
            current.Outcome = outcome;
            current.AnsweredAt = change.Now;
            change.Session.CurrentFloorItemId = null;
            if (current.AgendaItemId is { } agendaItemId && await change.Db.AgendaItems.FindAsync([agendaItemId], ct) is { } agenda)
            {
                agenda.Status = outcome == FloorOutcome.Answered ? AgendaItemStatus.Done : AgendaItemStatus.Deferred;
                await AgendaApi.SaveAndPublishAsync(change, ct);
            }
            if (current.QuestionId is { } questionId && await change.Db.Questions.FindAsync([questionId], ct) is { } question)
            {
                // Deferred online questions join their department's written-reply list.
                question.Status = outcome == FloorOutcome.Answered ? QuestionStatus.Answered : QuestionStatus.Deferred;
                PublishQuestion(change, question);
            }
            var view = AgendaQueries.ToView(current, await AgendaQueries.DepartmentNameAsync(change.Db, current.DepartmentId, ct));
            change.Publish("floor.closed", new FloorClosed(view));
            ClockApi.Reset(change);
            return view;
        }, ct);
        return TypedResults.Ok(floor);
    }

    private static void PublishQuestion(SessionChange change, Question question)
    {
        QuestionPushes.PublicUpdated(change, question);
        QuestionPushes.Updated(change, question);
        QuestionPushes.NotifyAsker(change, question);
    }

    internal static void RequireLive(SessionChange change)
    {
        if (change.Session.State != SessionState.Live)
        {
            throw new DomainException("floor.notLive", "会议进行中才能进行此操作。", "This can only be done while the sitting is live.");
        }
    }

    private static async Task<FloorItem> CurrentAsync(SessionChange change, CancellationToken ct) =>
        change.Session.CurrentFloorItemId is { } id && await change.Db.FloorItems.FindAsync([id], ct) is { } item
            ? item
            : throw new DomainException("floor.none", "当前没有正在询问的问题。", "No question is current.");
}
