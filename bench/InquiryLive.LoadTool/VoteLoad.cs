using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InquiryLive.LoadTool;

public sealed record VoteLoadSettings(Uri BaseAddress, string Password, int Members, int Raters, TimeSpan VoteWindow, TimeSpan RatingWindow);

/// <summary>
/// A satisfaction vote end to end against a running server with the demo data: the admin grows the
/// roster to Members, the sitting goes live, every member signs in by personal link, the chair opens a vote, the members
/// vote within VoteWindow, Raters viewers rate within RatingWindow, the chair closes and publishes,
/// and a big-screen listener on /hubs/live times how long each step takes to reach it.
/// </summary>
public static class VoteLoad
{
    public static async Task<int> RunAsync(VoteLoadSettings s, TextWriter output)
    {
        var (sessionId, chair, members) = await Prepare(s.BaseAddress, s.Password, s.Members);
        var api = $"api/sessions/{sessionId}";
        var screen = new ScreenListener(new Uri(s.BaseAddress, "hubs/live"), sessionId);
        await screen.StartAsync();
        var opened = await (await chair.PostAsJsonAsync($"{api}/polls", new { title = "对市住房和城乡建设局答询的满意度测评" })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var pollId = opened.GetProperty("id").GetGuid();
        await screen.WaitFor("poll.opened");

        // Members vote, spread evenly over the window (each a fresh ballot id, as the page sends).
        var ballotMs = new ConcurrentBag<double>();
        var accepted = 0;
        var spread = s.VoteWindow.TotalMilliseconds / Math.Max(1, members.Count);
        await Task.WhenAll(members.Select(async (phone, i) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i * spread));
            var watch = Stopwatch.StartNew();
            var response = await phone.PostAsJsonAsync($"{api}/polls/{pollId}/ballots", new { ballotId = Guid.NewGuid(), choice = (i % 5) switch { 0 or 1 or 2 => "satisfied", 3 => "basicallySatisfied", _ => "dissatisfied" } });
            ballotMs.Add(watch.Elapsed.TotalMilliseconds);
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref accepted);
        }));

        // The public rates the same answer: each viewer its own viewer cookie (fetched beforehand), all
        // over one shared connection pool, spread over the window.
        using var shared = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 })
        { BaseAddress = s.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var cookies = new string[s.Raters];
        await Parallel.ForEachAsync(Enumerable.Range(0, s.Raters), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            using var me = await shared.GetAsync("api/auth/me", ct);
            cookies[i] = string.Join("; ", me.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        });
        var rated = 0;
        var ratingWatch = Stopwatch.StartNew();
        var ratingSpread = s.RatingWindow.TotalMilliseconds / Math.Max(1, s.Raters);
        await Task.WhenAll(Enumerable.Range(0, s.Raters).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i * ratingSpread));
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{api}/polls/{pollId}/public-rating")
                {
                    Content = JsonContent.Create(new { choice = i % 3 == 0 ? "dissatisfied" : "satisfied" }),
                };
                request.Headers.Add("Cookie", cookies[i]);
                using var response = await shared.SendAsync(request);
                if (response.IsSuccessStatusCode) Interlocked.Increment(ref rated);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
        }));
        var ratingSeconds = ratingWatch.Elapsed.TotalSeconds;

        var closeWatch = Stopwatch.StartNew();
        var closed = await (await chair.PostAsync($"{api}/polls/{pollId}/close", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        await screen.WaitFor("poll.closed");
        var closeToScreen = closeWatch.Elapsed.TotalMilliseconds;
        var publishWatch = Stopwatch.StartNew();
        (await chair.PostAsync($"{api}/polls/{pollId}/publish", null)).EnsureSuccessStatusCode();
        var published = await screen.WaitFor("poll.published");
        var publishToScreen = publishWatch.Elapsed.TotalMilliseconds;
        var result = published.GetProperty("data").GetProperty("result");
        var sorted = ballotMs.Order().ToList();

        await output.WriteLineAsync("| members | ballots accepted | ballot p50 ms | ballot p99 ms | close → screen ms | publish → screen ms | tally voted | public ratings accepted / sent | rating window s | public tally total |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|");
        await output.WriteLineAsync(FormattableString.Invariant(
            $"| {members.Count} | {accepted} | {LatencyRecorder.Percentile(sorted, 50):0.0} | {LatencyRecorder.Percentile(sorted, 99):0.0} | {closeToScreen:0} | {publishToScreen:0} | {result.GetProperty("voted").GetInt32()} | {rated} / {s.Raters} | {ratingSeconds:0.0} | {PublicTotal(result)} |"));
        await screen.DisposeAsync();
        return accepted == members.Count && result.GetProperty("voted").GetInt32() == accepted && PublicTotal(result) == rated ? 0 : 1;
    }

    /// <summary>
    /// The admin grows the roster to <paramref name="count"/> committee members, the sitting goes live
    /// (a personal link signs in only then), and every member signs in by link on a phone of their own.
    /// </summary>
    internal static async Task<(Guid SessionId, HttpClient Chair, List<HttpClient> Members)> Prepare(Uri baseAddress, string password, int count)
    {
        var admin = await SignIn(baseAddress, "admin", password);
        var chair = await SignIn(baseAddress, "chair", password);
        var sessions = await admin.GetFromJsonAsync<JsonElement>("api/sessions");
        var sessionId = sessions[0].GetProperty("id").GetGuid();
        var api = $"api/sessions/{sessionId}";
        var roster = await admin.GetFromJsonAsync<JsonElement>($"{api}/members");
        for (var i = roster.GetArrayLength(); i < count; i++)
        {
            (await admin.PostAsJsonAsync($"{api}/members", new { displayName = $"测试委员{i + 1:00}" })).EnsureSuccessStatusCode();
        }
        await chair.PostAsJsonAsync($"{api}/transitions", new { to = "live" });
        var links = await (await admin.PostAsync($"{api}/members/links", null)).Content.ReadFromJsonAsync<JsonElement>();
        var members = new List<HttpClient>();
        foreach (var link in links.EnumerateArray().Take(count))
        {
            var phone = Client(baseAddress);
            (await phone.PostAsJsonAsync("api/members/sign-in", new { token = link.GetProperty("token").GetString() })).EnsureSuccessStatusCode();
            members.Add(phone);
        }
        return (sessionId, chair, members);
    }

    internal static async Task<HttpClient> Admin(Uri baseAddress, string password) => await SignIn(baseAddress, "admin", password);

    private static int PublicTotal(JsonElement result) =>
        result.TryGetProperty("publicRating", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.GetProperty("satisfied").GetInt32() + p.GetProperty("basicallySatisfied").GetInt32() + p.GetProperty("dissatisfied").GetInt32()
            : 0;

    private static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 4 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<HttpClient> SignIn(Uri baseAddress, string userName, string password)
    {
        var client = Client(baseAddress);
        (await client.PostAsJsonAsync("api/auth/login", new { userName, password })).EnsureSuccessStatusCode();
        return client;
    }
}
