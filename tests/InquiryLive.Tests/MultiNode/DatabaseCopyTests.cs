using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Data;
using InquiryLive.Moderation;
using InquiryLive.Tests.Chair;
using InquiryLive.Tests.Evaluation;
using InquiryLive.Tests.Infrastructure;
using InquiryLive.Tests.Moderation;
using InquiryLive.Tests.Questions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using static InquiryLive.Tests.MultiNode.DatabaseCopyKit;

namespace InquiryLive.Tests.MultiNode;

/// <summary>
/// Issue #10: an inquiry run on SQLite, moved with <c>copy-database</c> into a new PostgreSQL
/// database, is served from there with everything it had, and carries on; a database in use is never merged into.
/// </summary>
public sealed class DatabaseCopyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inquirylive-copy", Guid.NewGuid().ToString("N"));
    private readonly SharedPostgresDatabase? _target = SharedPostgresDatabase.Server is { Length: > 0 } ? new() : null;

    public DatabaseCopyTests() => Directory.CreateDirectory(_folder);

    private string SqlitePath => Path.Combine(_folder, "inquiry.db");
    private string TargetConnection => $"{SharedPostgresDatabase.Server};Database={_target!.Name}";

    private static string[] ModelTables()
    {
        using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=unused").Options);
        return db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    [PostgresFact]
    public async Task InquiryRunOnSqlite_IsServedFromPostgresAfterTheCopy_WithEverything_AndCarriesOnWithoutAGap()
    {
        // On SQLite, through the API: live, a viewer's question approved, a feed post, a vote cast and closed.
        Guid sessionId, questionId, pollId;
        string publicEvents, staffEvents, approved, tally, viewerCookie;
        using (var sqlite = SqliteApp(SqlitePath))
        {
            (sessionId, var chair) = await Voting.LiveSession(sqlite);
            var viewer = await sqlite.NewViewer();
            questionId = await viewer.AskOk(sessionId, "老旧小区的维修基金怎么才能用起来？");
            var moderator = await sqlite.SignedIn("moderator1");
            (await moderator.Act(sessionId, questionId, "approve", new { departmentId = await sqlite.DepartmentId(sessionId) })).EnsureSuccessStatusCode();
            (await (await sqlite.SignedIn("clerk")).PostAsJsonAsync($"/api/sessions/{sessionId}/feed", new { text = "9:30 询问开始。" })).EnsureSuccessStatusCode();
            pollId = await Voting.Open(chair, sessionId);
            var members = new[] { await sqlite.SignedIn("member01"), await sqlite.SignedIn("member02") };
            // 签到 first: a member's first ballot would otherwise sign them in too, and its coalesced
            // attendance.changed event could land after the events below were read.
            foreach (var member in members) (await member.PostAsync($"/api/sessions/{sessionId}/attendance/me", null)).EnsureSuccessStatusCode();
            (await Voting.Vote(members[0], sessionId, pollId, "satisfied")).EnsureSuccessStatusCode();
            (await Voting.Vote(members[1], sessionId, pollId, "dissatisfied")).EnsureSuccessStatusCode();
            await Voting.Close(chair, sessionId, pollId);

            publicEvents = await sqlite.Browser().GetStringAsync($"/api/sessions/{sessionId}/events?after=0");
            staffEvents = await chair.GetStringAsync($"/api/sessions/{sessionId}/staff-events?after=0");
            approved = await sqlite.Browser().GetStringAsync($"/api/sessions/{sessionId}/questions/approved");
            tally = await chair.GetStringAsync($"/api/sessions/{sessionId}/polls/{pollId}/tally");
            viewerCookie = (await InquiryApp.CookieHeader(viewer))!;
            // More rows than one batch of the copy, so paging is exercised too.
            await sqlite.Db(db =>
            {
                db.SensitiveWords.AddRange(Enumerable.Range(1, 2345).Select(i => new SensitiveWord { Word = $"迁移测试词{i:0000}" }));
                return db.SaveChangesAsync();
            });
        }
        var tables = ModelTables();
        var sourceCounts = await RowCounts(new SqliteConnection($"Data Source={SqlitePath};Pooling=False"), tables);

        var copy = await CopyDatabase(SqlitePath, TargetConnection);

        Assert.True(copy.ExitCode == 0, copy.Output + copy.Errors);
        Assert.All(tables, table => Assert.Contains($"  {table} ", copy.Output, StringComparison.Ordinal));
        var targetCounts = await RowCounts(new NpgsqlConnection(TargetConnection), tables);
        Assert.True(targetCounts["DataProtectionKeys"] >= 1, "the SQLite node's key files are carried over");
        targetCounts["DataProtectionKeys"] = sourceCounts["DataProtectionKeys"];
        Assert.Equal(sourceCounts, targetCounts);

        using var postgres = _target!.Node();
        var chairOnPostgres = await postgres.SignedIn("chair");
        Assert.Equal(publicEvents, await postgres.Browser().GetStringAsync($"/api/sessions/{sessionId}/events?after=0"));
        Assert.Equal(staffEvents, await chairOnPostgres.GetStringAsync($"/api/sessions/{sessionId}/staff-events?after=0"));
        Assert.Equal(approved, await postgres.Browser().GetStringAsync($"/api/sessions/{sessionId}/questions/approved"));
        Assert.Equal(tally, await chairOnPostgres.GetStringAsync($"/api/sessions/{sessionId}/polls/{pollId}/tally"));
        // The viewer's cookie from the SQLite node still names them: they still see their own question.
        var returning = postgres.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        returning.DefaultRequestHeaders.Add("Cookie", viewerCookie);
        var mine = await returning.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/my-questions");
        Assert.Contains(mine.EnumerateArray(), q => q.GetProperty("id").GetGuid() == questionId);

        // Carrying on: new rows get fresh ids (identity sequences moved on) and events continue at the next seq.
        var lastSeq = JsonDocument.Parse(publicEvents).RootElement.GetProperty("seq").GetInt64();
        var newQuestion = await (await postgres.NewViewer()).AskOk(sessionId, "物业费调价要不要业主大会表决？");
        var moderatorOnPostgres = await postgres.SignedIn("moderator2");
        Assert.Equal(HttpStatusCode.OK, (await moderatorOnPostgres.Act(sessionId, newQuestion, "approve", new { departmentId = await postgres.DepartmentId(sessionId) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await postgres.SignedIn("clerk")).PostAsJsonAsync($"/api/sessions/{sessionId}/feed", new { text = "10:00 第二位询问人。" })).StatusCode);
        var secondPoll = await Voting.Open(chairOnPostgres, sessionId);
        Assert.Equal(HttpStatusCode.OK, (await Voting.Vote(await postgres.SignedIn("member03"), sessionId, secondPoll, "basicallySatisfied")).StatusCode);
        var after = await postgres.Browser().GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/events?after={lastSeq}");
        var seqs = after.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToArray();
        Assert.NotEmpty(seqs);
        Assert.Equal(Enumerable.Range(1, seqs.Length).Select(i => lastSeq + i), seqs);
        Assert.Equal("question.approved", after.GetProperty("events")[0].GetProperty("type").GetString());

        // A second copy into the database now in use is refused.
        var again = await CopyDatabase(SqlitePath, TargetConnection);
        Assert.Equal(3, again.ExitCode);
    }

    [PostgresFact]
    public async Task CopyIntoAnOlderInquiryLiveDatabase_OrAnotherApplicationsTables_IsRefused_BeforeAnyMigrationRuns()
    {
        using (var sqlite = SqliteApp(SqlitePath)) await sqlite.DemoSessionId();
        // An InquiryLive of an older version: only the first migration applied, no rows in its tables.
        await using (var older = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(TargetConnection).Options))
        {
            var first = older.Database.GetMigrations().First();
            await older.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(first);
        }
        var before = await Fingerprint(TargetConnection);

        var copy = await CopyDatabase(SqlitePath, TargetConnection);

        Assert.Equal(3, copy.ExitCode);
        Assert.Contains("older version", copy.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Applying", copy.Output, StringComparison.Ordinal);
        Assert.Equal(before, await Fingerprint(TargetConnection));

        // Someone else's table and no InquiryLive history at all.
        await using (var connection = new NpgsqlConnection(TargetConnection))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public; CREATE TABLE invoices (id int primary key);", connection);
            await drop.ExecuteNonQueryAsync();
        }
        var otherBefore = await Fingerprint(TargetConnection);

        var intoOther = await CopyDatabase(SqlitePath, TargetConnection);

        Assert.Equal(3, intoOther.ExitCode);
        Assert.Contains("not an InquiryLive database", intoOther.Errors, StringComparison.Ordinal);
        Assert.Equal(otherBefore, await Fingerprint(TargetConnection));
    }

    [PostgresFact]
    public async Task CopyIntoADatabaseAlreadyInUse_IsRefused_AndLeavesItExactlyAsItWas()
    {
        using (var sqlite = SqliteApp(SqlitePath)) await sqlite.DemoSessionId();
        using (var inUse = _target!.Node())
        {
            var sessionId = await inUse.DemoSessionId();
            await (await inUse.NewViewer()).AskOk(sessionId, "这个库已经在用了。");
        }
        var before = await Fingerprint(TargetConnection);

        var copy = await CopyDatabase(SqlitePath, TargetConnection);

        Assert.Equal(3, copy.ExitCode);
        Assert.Contains("not empty", copy.Errors, StringComparison.Ordinal);
        Assert.Contains("Sessions: 1", copy.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Copying", copy.Output, StringComparison.Ordinal);
        Assert.Equal(before, await Fingerprint(TargetConnection));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _target?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
