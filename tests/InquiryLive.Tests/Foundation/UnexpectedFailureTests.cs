using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Moderation;
using InquiryLive.Tests.Evaluation;
using InquiryLive.Tests.Infrastructure;
using InquiryLive.Tests.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InquiryLive.Tests.Foundation;

/// <summary>A fault of ours (not of the input) answers 500 as ProblemDetails, stores nothing, and leaves its exception in the log.</summary>
public sealed class UnexpectedFailureTests
{
    /// <summary>A word list that breaks on every question: a fault inside the intake, after the input was checked.</summary>
    private sealed class BrokenWordList : ISensitiveWords
    {
        public string[] Find(string text) => throw new InvalidOperationException("the word list is unreadable");
    }

    [Fact]
    public async Task AFaultInTheIntake_Answers500InTheViewersLanguage_StoresNothing_AndIsLogged()
    {
        var logs = new LogCapture();
        using var app = new InquiryApp(services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton<ISensitiveWords, BrokenWordList>();
        });
        var sessionId = await app.DemoSessionId();
        var viewer = await app.NewViewer();

        var response = await viewer.Ask(sessionId, new { id = Guid.NewGuid(), text = "学前教育的经费何时到位？" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("服务器出现错误，请稍后再试。", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("unreadable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var english = await viewer.Ask(sessionId, new { id = Guid.NewGuid(), text = "When will the funds arrive?" }, language: "en");
        Assert.Equal(HttpStatusCode.InternalServerError, english.StatusCode);
        Assert.Equal("Something went wrong on our side.", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await app.Db(db => db.Questions.CountAsync()));
        Assert.Contains(logs.Lines, line => line.Contains("POST /api/sessions/", StringComparison.Ordinal)
            && line.Contains("the word list is unreadable", StringComparison.Ordinal));
    }
}
