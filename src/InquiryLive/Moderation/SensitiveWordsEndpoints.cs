using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Domain.Text;
using InquiryLive.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Moderation;

public sealed record SensitiveWordList(string[] Words, bool Stored);
public sealed record SensitiveWordsRequest(string[]? Words);

/// <summary>The admin-edited sensitive-word list. Matches flag a question for moderators; nothing is rejected by it.</summary>
internal static class SensitiveWordsEndpoints
{
    public const int MaxWords = 1000;
    public const int MaxWordLength = 50;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/moderation/sensitive-words").WithTags("Moderation").RequireAuthorization(Policies.AdminOnly);
        group.MapGet("/", Read);
        group.MapPut("/", Save);
    }

    private static Ok<SensitiveWordList> Read(StoredSensitiveWords words)
    {
        var (list, stored) = words.List();
        return TypedResults.Ok(new SensitiveWordList(list, stored));
    }

    private static async Task<Results<Ok<SensitiveWordList>, ValidationProblem>> Save(
        SensitiveWordsRequest request, AppDbContext db, WriteGate gate, StoredSensitiveWords words, HttpContext http, CancellationToken ct)
    {
        var list = (request.Words ?? []).Select(w => PlainText.Normalize(w)).Where(w => w.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var errors = new InputErrors(http)
            .Require(request.Words is not null, "words", "请提交词表。", "Send the word list.")
            .Require(list.Length <= MaxWords, "words", $"最多 {MaxWords} 个词。", $"At most {MaxWords} words.")
            .Require(list.All(w => w.Length <= MaxWordLength), "words", $"每个词最多 {MaxWordLength} 字。", $"Each word may have at most {MaxWordLength} characters.");
        if (errors.Any) return errors.ToProblem();
        using (await gate.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SensitiveWords.ExecuteDeleteAsync(ct);
            db.SensitiveWords.AddRange(list.Select(w => new SensitiveWord { Word = w }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            words.Set(list);
        }
        return Read(words);
    }
}
