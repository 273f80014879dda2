using System.Threading.Channels;
using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;
using InquiryLive.Live;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Questions;

/// <summary>A validated question waiting to be stored, and the caller waiting for the outcome.</summary>
internal sealed record PendingQuestion(Guid SessionId, Guid Id, string ViewerId, string Text, string? Nickname, int? DepartmentId, string? Flags)
{
    public TaskCompletionSource<(Question Question, bool Created)> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for question intake. Submissions that arrive while a batch is being written wait in
/// a queue; the next batch stores all of them for one session in ONE transaction (one fsync), each
/// with its own event and seq, and then answers every caller. Under a burst (1,000 questions a
/// second) this turns a thousand commits into a few dozen; alone, a question is written at once.
/// Persist, then acknowledge: no caller gets an answer before its batch has committed.
/// </summary>
internal sealed class QuestionIntake(IServiceScopeFactory scopes, ILogger<QuestionIntake> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingQuestion> _queue = Channel.CreateUnbounded<PendingQuestion>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<(Question Question, bool Created)> SubmitAsync(PendingQuestion pending, CancellationToken ct)
    {
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Outcome.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingQuestion>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                foreach (var session in batch.GroupBy(p => p.SessionId))
                {
                    await StoreAsync(session.Key, session.ToList());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Shutting down: whoever still waits gets an error (and retries with the same id), never a false yes.
        while (_queue.Reader.TryRead(out var left)) left.Outcome.TrySetCanceled();
    }

    private async Task StoreAsync(Guid sessionId, List<PendingQuestion> items)
    {
        var results = new Dictionary<PendingQuestion, object>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var commands = scope.ServiceProvider.GetRequiredService<SessionCommands>();
            await commands.RunAsync(sessionId, async change =>
            {
                var ids = items.Select(i => i.Id).Distinct().ToList();
                var existing = await change.Db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id);
                var open = SessionStateMachine.AcceptsQuestions(change.Session.State);
                foreach (var item in items)
                {
                    if (existing.TryGetValue(item.Id, out var found))
                    {
                        // The same viewer sending the same id again is a retry: the same question, never a second.
                        results[item] = found.ViewerId == item.ViewerId && found.SessionId == sessionId
                            ? (found, false)
                            : new DomainException("question.idTaken", "该问题编号已被使用，请刷新页面后重新提交。",
                                "This question id is already in use; reload the page and send again.");
                        continue;
                    }
                    if (!open)
                    {
                        results[item] = new DomainException("questions.closed", "本场会议目前不接受提问。", "This session is not taking questions now.");
                        continue;
                    }
                    var q = new Question
                    {
                        Id = item.Id, SessionId = sessionId, ViewerId = item.ViewerId, Text = item.Text, Nickname = item.Nickname,
                        DepartmentId = item.DepartmentId, Status = QuestionStatus.Pending, CreatedAt = change.Now, Flags = item.Flags,
                    };
                    change.Db.Questions.Add(q);
                    change.PublishToStaff("question.submitted", new StaffQuestionChanged(StaffQuestionView.From(q)));
                    existing[item.Id] = q;
                    results[item] = (q, true);
                }
            });
        }
        catch (Exception ex)
        {
            if (ex is not DomainException) logger.LogError(ex, "A batch of {Count} questions could not be stored", items.Count);
            foreach (var item in items) item.Outcome.TrySetException(ex);
            return;
        }
        foreach (var (item, result) in results)
        {
            if (result is Exception error) item.Outcome.TrySetException(error);
            else item.Outcome.TrySetResult(((Question, bool))result);
        }
    }
}
