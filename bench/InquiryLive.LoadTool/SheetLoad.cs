using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace InquiryLive.LoadTool;

public sealed record SheetLoadSettings(Uri BaseAddress, string Password, int Members, int Items, TimeSpan Window);

/// <summary>
/// A 测评表 end to end against a running server with the demo data: the roster grows to Members, the
/// session to Items departments; the sitting goes live, every member signs in by link; the chair
/// opens a sheet of every department; each member submits one sheet (a choice per item, some left
/// blank) spread over Window (0: all at once); the chair closes and publishes; a big-screen listener
/// on /hubs/live times when the close and the published table reach it.
/// </summary>
public static class SheetLoad
{
    public static async Task<int> RunAsync(SheetLoadSettings s, TextWriter output)
    {
        var admin = await VoteLoad.Admin(s.BaseAddress, s.Password);
        var sessionId = (await admin.GetFromJsonAsync<JsonElement>("api/sessions"))[0].GetProperty("id").GetGuid();
        var api = $"api/sessions/{sessionId}";
        var setup = await admin.GetFromJsonAsync<JsonElement>($"{api}/setup");
        for (var i = setup.GetProperty("departments").GetArrayLength(); i < s.Items; i++)
        {
            (await admin.PostAsJsonAsync($"{api}/departments", new { name = $"测试部门{i + 1}", headTitle = "局长" })).EnsureSuccessStatusCode();
        }
        var departments = (await admin.GetFromJsonAsync<JsonElement>($"{api}/setup")).GetProperty("departments").EnumerateArray()
            .Take(s.Items).Select(d => new { departmentId = d.GetProperty("id").GetInt32() }).ToList();
        var (_, chair, members) = await VoteLoad.Prepare(s.BaseAddress, s.Password, s.Members);

        var screen = new ScreenListener(new Uri(s.BaseAddress, "hubs/live"), sessionId);
        await screen.StartAsync();
        var opened = await (await chair.PostAsJsonAsync($"{api}/polls", new { title = "对各应询部门的满意度测评", items = departments })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        var pollId = opened.GetProperty("id").GetGuid();
        var items = opened.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        await screen.WaitFor("poll.opened");

        string?[] levels = ["satisfied", "satisfied", "basicallySatisfied", "dissatisfied", null];
        var latencies = new List<double>();
        var accepted = 0;
        var spread = s.Window.TotalMilliseconds / Math.Max(1, members.Count);
        var burst = Stopwatch.StartNew();
        await Task.WhenAll(members.Select(async (phone, m) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(m * spread));
            var choices = items.Select((id, i) => new { itemId = id, choice = levels[(m + i) % levels.Length] }).ToList();
            var watch = Stopwatch.StartNew();
            using var response = await phone.PostAsJsonAsync($"{api}/polls/{pollId}/ballots", new { ballotId = Guid.NewGuid(), choices });
            var ms = watch.Elapsed.TotalMilliseconds;
            lock (latencies) latencies.Add(ms);
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref accepted);
        }));
        var lastAckSeconds = burst.Elapsed.TotalSeconds;

        var closeWatch = Stopwatch.StartNew();
        (await chair.PostAsync($"{api}/polls/{pollId}/close", null)).EnsureSuccessStatusCode();
        await screen.WaitFor("poll.closed");
        var closeToScreen = closeWatch.Elapsed.TotalMilliseconds;
        var publishWatch = Stopwatch.StartNew();
        (await chair.PostAsJsonAsync($"{api}/polls/{pollId}/publish", new { confirmInvalid = false })).EnsureSuccessStatusCode();
        var published = await screen.WaitFor("poll.published");
        var publishToScreen = publishWatch.Elapsed.TotalMilliseconds;
        var closeToTable = closeWatch.Elapsed.TotalMilliseconds;
        var result = published.GetProperty("data").GetProperty("result");
        var sorted = latencies.Order().ToList();

        await output.WriteLineAsync("| members | items | window s | sheets accepted | submit p50 ms | submit p99 ms | submit max ms | last acknowledgement s | close → screen ms | publish → screen ms | close → published table on screen ms | tally voted | table rows |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        await output.WriteLineAsync(FormattableString.Invariant(
            $"| {members.Count} | {items.Count} | {s.Window.TotalSeconds:0} | {accepted} | {LatencyRecorder.Percentile(sorted, 50):0.0} | {LatencyRecorder.Percentile(sorted, 99):0.0} | {sorted[^1]:0.0} | {lastAckSeconds:0.00} | {closeToScreen:0} | {publishToScreen:0} | {closeToTable:0} | {result.GetProperty("voted").GetInt32()} | {result.GetProperty("items").GetArrayLength()} |"));
        await screen.DisposeAsync();
        var complete = accepted == members.Count && result.GetProperty("voted").GetInt32() == accepted && result.GetProperty("items").GetArrayLength() == items.Count;
        return complete ? 0 : 1;
    }
}
