using InquiryLive.Data;
using InquiryLive.Domain;
using InquiryLive.Domain.Moderation;
using InquiryLive.Hosting;
using InquiryLive.Questions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InquiryLive.Moderation;

public sealed record SimilarQuestion(StaffQuestionView Question, double Score);
public sealed record DuplicateCluster(Guid SuggestedTargetId, int AskedBy, IReadOnlyList<StaffQuestionView> Questions);
public sealed record BulkMergeRequest(Guid? TargetId, Guid[]? SourceIds);

/// <summary>Duplicate suggestions for one question, clusters of the pending queue, and merging a cluster at once.</summary>
internal static class DuplicateEndpoints
{
    public const int MaxClusters = 100;
    public const int MaxBulkMerge = 500;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/questions/{questionId:guid}/similar", Similar);
        group.MapGet("/clusters", Clusters);
        group.MapPost("/clusters/merge", MergeCluster);
    }

    private static async Task<Ok<SimilarQuestion[]>> Similar(
        Guid sessionId, Guid questionId, AppDbContext db, IOptions<ModerationOptions> options, CancellationToken ct)
    {
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == sessionId, ct)
            ?? throw new DomainException("question.notFound", "没有找到该问题。", "No such question.", 404);
        var candidates = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && q.Id != questionId && (q.Status == QuestionStatus.Pending || q.Status == QuestionStatus.Approved))
            .Select(q => new SimilarityItem<Guid>(q.Id, q.Text)).ToListAsync(ct);
        var matches = new DuplicateFinder<Guid>(candidates).Similar(question.Text, top: 5, threshold: options.Value.SimilarThreshold);
        var ids = matches.Select(m => m.Key).ToList();
        var rows = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        return TypedResults.Ok(matches.Select(m => new SimilarQuestion(StaffQuestionView.From(rows[m.Key]), Math.Round(m.Score, 3))).ToArray());
    }

    private static async Task<Results<Ok<DuplicateCluster[]>, ValidationProblem>> Clusters(
        Guid sessionId, double? threshold, AppDbContext db, IOptions<ModerationOptions> options, HttpContext http, CancellationToken ct)
    {
        var errors = new InputErrors(http).Require(threshold is null or (>= 0.2 and <= 1), "threshold", "相似度阈值应在 0.2 到 1 之间。", "The threshold is between 0.2 and 1.");
        if (errors.Any) return errors.ToProblem();
        var pending = await db.Questions.AsNoTracking()
            .Where(q => q.SessionId == sessionId && q.Status == QuestionStatus.Pending)
            .ToDictionaryAsync(q => q.Id, ct);
        var finder = new DuplicateFinder<Guid>(pending.Values.OrderBy(q => q.CreatedAt).Select(q => new SimilarityItem<Guid>(q.Id, q.Text)));
        var clusters = finder.Clusters(threshold ?? options.Value.ClusterThreshold).Take(MaxClusters).Select(ids =>
        {
            var questions = ids.Select(id => pending[id]).ToList();
            // The most-asked (then the oldest) question is the natural one to keep.
            var target = questions.OrderByDescending(q => q.MergedCount + q.MeTooCount).ThenBy(q => q.CreatedAt).First();
            var views = questions.Select(StaffQuestionView.From).OrderByDescending(v => v.Id == target.Id).ThenBy(v => v.CreatedAt).ToList();
            return new DuplicateCluster(target.Id, views.Sum(v => v.AskedBy), views);
        });
        return TypedResults.Ok(clusters.ToArray());
    }

    private static async Task<Results<Ok<StaffQuestionView>, ValidationProblem>> MergeCluster(
        Guid sessionId, BulkMergeRequest request, ModerationDesk desk, HttpContext http, CancellationToken ct)
    {
        var sources = request.SourceIds ?? [];
        var errors = new InputErrors(http)
            .Require(request.TargetId is not null, "targetId", "请选择要保留的问题。", "Choose the question to keep.")
            .Require(sources.Length > 0, "sourceIds", "请选择要合并的问题。", "Choose the questions to merge.")
            .Require(sources.Length <= MaxBulkMerge, "sourceIds", $"一次最多合并 {MaxBulkMerge} 条。", $"At most {MaxBulkMerge} questions at once.")
            .Require(sources.Distinct().Count() == sources.Length, "sourceIds", "有重复的问题。", "A question is listed twice.")
            .Require(request.TargetId is null || !sources.Contains(request.TargetId.Value), "sourceIds", "不能合并到问题自身。", "A question cannot be merged into itself.");
        if (errors.Any) return errors.ToProblem();
        return TypedResults.Ok(await desk.MergeAsync(sessionId, request.TargetId!.Value, sources, ModerationApi.Me(http), ct));
    }
}
