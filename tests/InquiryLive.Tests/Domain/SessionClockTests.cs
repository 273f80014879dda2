using InquiryLive.Domain;
using InquiryLive.Domain.Clocks;
using InquiryLive.Domain.Sessions;

namespace InquiryLive.Tests.Domain;

public sealed class SessionClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StartedClock_CountsDownFromServerTime()
    {
        var clock = SessionClock.Start(ClockPhases.Answer, 300, T0);
        Assert.True(clock.Running);
        Assert.Equal(300_000, clock.RemainingMs(T0));
        Assert.Equal(255_000, clock.RemainingMs(T0.AddSeconds(45)));
    }

    [Fact]
    public void Pause_KeepsElapsed_AndResumeContinuesFromThere()
    {
        var paused = SessionClock.Start(ClockPhases.Ask, 120, T0).Pause(T0.AddSeconds(30));
        Assert.False(paused.Running);
        Assert.Equal(30_000, paused.ElapsedMs);
        Assert.Equal(90_000, paused.RemainingMs(T0.AddMinutes(10)));

        var resumed = paused.Resume(T0.AddSeconds(100));
        Assert.Equal(80_000, resumed.RemainingMs(T0.AddSeconds(110)));
    }

    [Fact]
    public void Remaining_GoesNegative_InOvertime()
    {
        var clock = SessionClock.Start(ClockPhases.Ask, 120, T0);
        Assert.Equal(-15_000, clock.RemainingMs(T0.AddSeconds(135)));
    }

    [Fact]
    public void StartingTheAnswerClock_ReplacesTheAskClock()
    {
        var ask = SessionClock.Start(ClockPhases.Ask, 120, T0);
        var answer = SessionClock.Start(ClockPhases.Answer, 300, T0.AddSeconds(100));
        Assert.NotEqual(ask.Phase, answer.Phase);
        Assert.Equal(0, answer.ElapsedMs);
        Assert.Equal(300_000, answer.RemainingMs(T0.AddSeconds(100)));
    }

    [Fact]
    public void PausingAStoppedClock_OrResumingARunningOne_IsRefused()
    {
        Assert.Equal("clock.notRunning", Assert.Throws<DomainException>(() => SessionClock.Idle.Pause(T0)).Code);
        Assert.Equal("clock.idle", Assert.Throws<DomainException>(() => SessionClock.Idle.Resume(T0)).Code);
        var running = SessionClock.Start(ClockPhases.FollowUp, 60, T0);
        Assert.Equal("clock.running", Assert.Throws<DomainException>(() => running.Resume(T0)).Code);
    }

    [Theory]
    [InlineData("speech", 60)]
    [InlineData("ask", 0)]
    [InlineData("ask", 3601)]
    public void Start_RefusesUnknownPhasesAndSillyLengths(string phase, int seconds) =>
        Assert.Throws<DomainException>(() => SessionClock.Start(phase, seconds, T0));

    [Theory]
    [InlineData("https://live.example.cn/stream.m3u8", true)]
    [InlineData("http://10.0.0.5/live", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://example.cn/x", false)]
    [InlineData("/relative/path", false)]
    [InlineData("data:text/html,hi", false)]
    public void StreamUrl_MustBeHttpOrHttps(string url, bool ok) => Assert.Equal(ok, SessionSettingsRules.IsStreamUrl(url));

    [Fact]
    public void Reorder_MustNameEveryItemExactlyOnce()
    {
        int[] current = [1, 2, 3];
        Assert.True(SessionSettingsRules.IsPermutation(current, [3, 1, 2]));
        Assert.False(SessionSettingsRules.IsPermutation(current, [3, 1]));
        Assert.False(SessionSettingsRules.IsPermutation(current, [3, 1, 1]));
        Assert.False(SessionSettingsRules.IsPermutation(current, [3, 1, 4]));
    }
}
