using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Questions;
using InquiryLive.Tests.Infrastructure;


// Seeds N pending questions (default 10,000) into a fresh app and times the moderation endpoints
// a moderator's console calls, in process (no network), each request measured end to end.
internal static class QueueBenchmark
{
    private const int Rounds = 40;

    public static async Task Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;

        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var departments = await app.Db(db => Task.FromResult(db.Departments.Where(d => d.SessionId == sessionId).Select(d => d.Id).ToArray()));
        var subjects = new[] { "小区物业费", "老旧小区加装电梯补贴", "停车位只租不售", "垃圾分类收运", "公共维修资金", "小区公共收益", "业主委员会选举", "电动车充电桩", "门禁系统收费", "绿化带被占用" };
        var asks = new[] { "为什么迟迟没有结果？", "由哪个部门负责？", "能否公开具体账目？", "什么时候能解决？", "是否符合相关规定？", "有没有监管措施？" };
        var places = new[] { "城东", "城西", "南湖", "北苑", "新港", "老城区", "开发区", "江滨" };
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var seed = Stopwatch.StartNew();
        await app.Db(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var text = $"{places[random.Next(places.Length)]}{random.Next(1, 80)}号小区：{subjects[random.Next(subjects.Length)]}{asks[random.Next(asks.Length)]}";
                db.Questions.Add(new Question
                {
                    Id = Guid.NewGuid(), SessionId = sessionId, ViewerId = $"viewer-{i % 3000:0000}", Text = text, Status = QuestionStatus.Pending,
                    CreatedAt = start.AddSeconds(i * 20), DepartmentId = i % 4 == 0 ? departments[i % departments.Length] : null,
                    Flags = i % 97 == 0 ? "赌博" : null, MeTooCount = random.Next(0, 4),
                });
            }
            return await db.SaveChangesAsync();
        });
        Console.WriteLine($"Seeded {count:N0} pending questions in {seed.ElapsedMilliseconds} ms");

        var moderator = await app.SignedIn("moderator1");
        var basePath = $"/api/sessions/{sessionId}/moderation";
        var anyId = (await moderator.GetFromJsonAsync<JsonElement>($"{basePath}/queue?limit=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var cases = new (string Name, string Path, int Rounds)[]
        {
            ("queue, first page (oldest, 50)", "queue", Rounds),
            ("queue, newest first", "queue?order=newest", Rounds),
            ("queue, last page (offset 9,950)", $"queue?offset={Math.Max(0, count - 50)}", Rounds),
            ("queue, department filter", $"queue?departmentId={departments[0]}", Rounds),
            ("queue, flagged only", "queue?flagged=true", Rounds),
            ("queue, text search", "queue?q=%E5%85%85%E7%94%B5%E6%A1%A9", Rounds),
            ("similar questions of one", $"questions/{anyId}/similar", 10),
            ("clusters of all pending", "clusters?threshold=0.8", 3),
        };
        Console.WriteLine($"{"endpoint",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var (name, path, rounds) in cases)
        {
            (await moderator.GetAsync($"{basePath}/{path}")).EnsureSuccessStatusCode(); // warm-up
            var times = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var sw = Stopwatch.StartNew();
                using var response = await moderator.GetAsync($"{basePath}/{path}");
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{name,-34} {times[times.Count / 2],8:0.0} {times[(int)Math.Ceiling(times.Count * 0.95) - 1],8:0.0} {times[^1],8:0.0}");
        }
    }
}
