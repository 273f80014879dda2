using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace InquiryLive.Tests.Reliability;

/// <summary>
/// Kill -9 the real server while members vote, with a question on the floor and the answer clock
/// running: after the restart every acknowledged ballot counts once, and the floor, the open vote
/// and the clock are as they were.
/// </summary>
public sealed class SittingCrashRestartTests
{
    private const int Members = 35;
    private const int KillAfterAcknowledged = 15;
    private static readonly string[] Choices = ["satisfied", "basicallySatisfied", "dissatisfied"];

    [Fact]
    public async Task SigkillWhileMembersVote_KeepsEveryAcknowledgedBallotOnce_AndRestoresFloorVoteAndClock()
    {
        using var server = new ServerProcess();
        await server.StartAsync();
        var chair = await LoopbackClients.SignedIn(server.BaseAddress, "chair");
        var sessionId = (await chair.GetFromJsonAsync<JsonElement>("api/sessions"))[0].GetProperty("id").GetGuid();
        var api = $"api/sessions/{sessionId}";

        // The sitting is live, the first agenda questioner has the floor, the answer clock runs, a vote is open.
        (await chair.PostAsJsonAsync($"{api}/transitions", new { to = "live" })).EnsureSuccessStatusCode();
        var agendaItemId = (await chair.GetFromJsonAsync<JsonElement>($"{api}/agenda"))[0].GetProperty("id").GetInt32();
        var floor = await Json(await chair.PostAsJsonAsync($"{api}/floor/call", new { agendaItemId }));
        var clockBefore = await Json(await chair.PostAsJsonAsync($"{api}/floor/clock/start", new { phase = "answer", seconds = 900 }));
        var pollId = (await Json(await chair.PostAsJsonAsync($"{api}/polls", new { seconds = 3600 }))).GetProperty("id").GetGuid();

        // 35 members on their own phones (seven per network address: sign-in is limited per address).
        var members = await Task.WhenAll(Enumerable.Range(1, Members)
            .Select(i => LoopbackClients.SignedIn(server.BaseAddress, $"member{i:00}", sourceHost: 2 + (i - 1) / 7)));
        var ballotIds = Enumerable.Range(0, Members).Select(_ => Guid.NewGuid()).ToArray();
        var choices = Enumerable.Range(0, Members).Select(i => Choices[i * 7 % 3]).ToArray();

        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var killed = 0;
        await Task.WhenAll(Enumerable.Range(0, Members).Select(async m =>
        {
            try
            {
                var response = await CastAsync(members[m], api, pollId, ballotIds[m], choices[m]);
                if (response.StatusCode != HttpStatusCode.OK) return;
                acknowledged[ballotIds[m]] = (await Json(response)).GetProperty("castAt").GetString()!;
                if (acknowledged.Count >= KillAfterAcknowledged && Interlocked.Exchange(ref killed, 1) == 0) server.Kill();
            }
            catch (HttpRequestException) { /* the server is gone: this member retries after the restart */ }
            catch (TaskCanceledException) { }
        }));
        Assert.Equal(1, killed);
        Assert.InRange(acknowledged.Count, KillAfterAcknowledged, Members);

        // On disk after the kill: every acknowledged ballot has its receipt, one per member, one choice per receipt.
        var receipts = Receipts(server.DatabasePath, pollId);
        Assert.Subset(receipts.ToHashSet(), acknowledged.Keys.ToHashSet());
        Assert.Equal(receipts.Count, receipts.Distinct().Count());
        Assert.Equal(receipts.Count, Count(server.DatabasePath, "BallotChoices", pollId));

        await server.StartAsync();

        // The floor, the clock and the open vote are as they were before the kill.
        var snapshot = await chair.GetFromJsonAsync<JsonElement>($"{api}/snapshot");
        Assert.Equal("live", snapshot.GetProperty("session").GetProperty("state").GetString());
        var current = snapshot.GetProperty("floor").GetProperty("current");
        Assert.Equal(floor.GetProperty("id").GetInt64(), current.GetProperty("id").GetInt64());
        Assert.Equal("current", current.GetProperty("outcome").GetString());
        var clock = snapshot.GetProperty("session").GetProperty("clock");
        Assert.Equal("answer", clock.GetProperty("phase").GetString());
        Assert.True(clock.GetProperty("running").GetBoolean());
        Assert.Equal(clockBefore.GetProperty("durationSeconds").GetInt32(), clock.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(clockBefore.GetProperty("startedAt").GetDateTimeOffset(), clock.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(clockBefore.GetProperty("elapsedMs").GetInt64(), clock.GetProperty("elapsedMs").GetInt64());
        var poll = snapshot.GetProperty("poll");
        Assert.Equal(pollId, poll.GetProperty("id").GetGuid());
        Assert.Equal("open", poll.GetProperty("state").GetString());

        // An acknowledged ballot sent again answers as the first time and writes nothing.
        var first = acknowledged.First();
        var again = await CastAsync(members[Array.IndexOf(ballotIds, first.Key)], api, pollId, first.Key, "dissatisfied");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.Value, (await Json(again)).GetProperty("castAt").GetString());

        // Members who never saw an answer send the same ballot again: recorded once, or the first result.
        for (var m = 0; m < Members; m++)
        {
            if (acknowledged.ContainsKey(ballotIds[m])) continue;
            var response = await CastAsync(members[m], api, pollId, ballotIds[m], choices[m]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ballotIds[m], (await Json(response)).GetProperty("ballotId").GetGuid());
        }
        var stored = Receipts(server.DatabasePath, pollId);
        Assert.Equal(ballotIds.ToHashSet(), stored.ToHashSet());
        Assert.Equal(Members, stored.Count);

        // The vote closes with the right tally: every member once, with the choice they made.
        var tally = await Json(await chair.PostAsync($"{api}/polls/{pollId}/close", null));
        Assert.Equal(Members, tally.GetProperty("voted").GetInt32());
        Assert.Equal(Members, tally.GetProperty("attendance").GetProperty("expected").GetInt32());
        foreach (var choice in Choices)
        {
            Assert.Equal(choices.Count(c => c == choice), tally.GetProperty(choice).GetInt32());
        }
    }

    private static async Task<HttpResponseMessage> CastAsync(HttpClient member, string api, Guid pollId, Guid ballotId, string choice) =>
        await member.PostAsJsonAsync($"{api}/polls/{pollId}/ballots", new { ballotId, choice });

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Guid> Receipts(string databasePath, Guid pollId)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT BallotId, PollId FROM BallotReceipts";
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
        {
            if (Guid.Parse(reader.GetString(1)) == pollId) ids.Add(Guid.Parse(reader.GetString(0)));
        }
        return ids;
    }

    private static int Count(string databasePath, string table, Guid pollId)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT PollId FROM {table}";
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            if (Guid.Parse(reader.GetString(0)) == pollId) count++;
        }
        return count;
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
