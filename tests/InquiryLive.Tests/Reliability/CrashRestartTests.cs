using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace InquiryLive.Tests.Reliability;

/// <summary>Kill -9 the real server mid-stream: nothing acknowledged is lost, nothing is duplicated.</summary>
public sealed class CrashRestartTests
{
    private const int Viewers = 20;
    private const int QuestionsEach = 25;

    [Fact]
    public async Task AcknowledgedQuestions_SurviveASigkill_AndRetriesAfterRestartDoNotDuplicate()
    {
        using var server = new ServerProcess(new()
        {
            ["RateLimits__QuestionsPerMinute"] = "10000",
            ["RateLimits__QuestionsPerMinutePerAddress"] = "1000000",
        });
        await server.StartAsync();
        var viewers = Enumerable.Range(0, Viewers).Select(_ => server.Client()).ToArray();
        var sessionId = (await viewers[0].GetFromJsonAsync<JsonElement>("api/sessions"))[0].GetProperty("id").GetGuid();

        // Each viewer has its questions (client-generated ids) and sends them one by one.
        var planned = viewers.Select(_ => Enumerable.Range(0, QuestionsEach).Select(_ => Guid.NewGuid()).ToArray()).ToArray();
        var acknowledged = new ConcurrentDictionary<Guid, byte>();
        var killAt = Viewers * QuestionsEach / 2;
        var killed = 0;

        async Task Send(int viewer, Guid id)
        {
            var response = await viewers[viewer].PostAsJsonAsync($"api/sessions/{sessionId}/questions",
                new { id, text = $"第{viewer}位观众的问题 {id:N}" });
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                acknowledged[id] = 0;
                if (acknowledged.Count >= killAt && Interlocked.Exchange(ref killed, 1) == 0) server.Kill();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Viewers).Select(async v =>
        {
            foreach (var id in planned[v])
            {
                try { await Send(v, id); }
                catch (HttpRequestException) { /* the server is gone: retried after the restart */ }
                catch (TaskCanceledException) { }
            }
        }));
        Assert.Equal(1, killed);
        var beforeRestart = acknowledged.Keys.ToHashSet();
        Assert.InRange(beforeRestart.Count, killAt, Viewers * QuestionsEach);

        // Every acknowledged question is on disk after the kill, before any retry.
        Assert.Subset(StoredIds(server.DatabasePath).ToHashSet(), beforeRestart);

        await server.StartAsync();
        // Clients that never saw an answer send the same ids again (some were stored and not acknowledged).
        await Task.WhenAll(Enumerable.Range(0, Viewers).Select(async v =>
        {
            foreach (var id in planned[v].Where(id => !beforeRestart.Contains(id))) await Send(v, id);
        }));

        var stored = StoredIds(server.DatabasePath);
        Assert.Equal(Viewers * QuestionsEach, acknowledged.Count);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(planned.SelectMany(p => p).ToHashSet(), stored.ToHashSet());
    }

    private static List<Guid> StoredIds(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Questions";
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }
}
