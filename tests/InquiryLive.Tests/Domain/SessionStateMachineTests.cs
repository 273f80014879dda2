using InquiryLive.Domain;
using InquiryLive.Domain.Sessions;

namespace InquiryLive.Tests.Domain;

public sealed class SessionStateMachineTests
{
    [Theory]
    [InlineData(SessionState.Draft, SessionState.OpenForQuestions)]
    [InlineData(SessionState.OpenForQuestions, SessionState.Live)]
    [InlineData(SessionState.Live, SessionState.Paused)]
    [InlineData(SessionState.Paused, SessionState.Live)]
    [InlineData(SessionState.Live, SessionState.Ended)]
    public void LegalMoves_AreAllowed(SessionState from, SessionState to) =>
        Assert.Equal(to, SessionStateMachine.Move(from, to));

    [Theory]
    [InlineData(SessionState.Ended, SessionState.Live)]
    [InlineData(SessionState.Draft, SessionState.Paused)]
    [InlineData(SessionState.Live, SessionState.Draft)]
    [InlineData(SessionState.Live, SessionState.Live)]
    public void IllegalMoves_ThrowAConflict(SessionState from, SessionState to)
    {
        var error = Assert.Throws<DomainException>(() => SessionStateMachine.Move(from, to));
        Assert.Equal(409, error.Status);
        Assert.Equal("session.transition", error.Code);
    }

    [Fact]
    public void Questions_AreAcceptedWhileCollectingOrRunning_Only()
    {
        Assert.True(SessionStateMachine.AcceptsQuestions(SessionState.OpenForQuestions));
        Assert.True(SessionStateMachine.AcceptsQuestions(SessionState.Live));
        Assert.False(SessionStateMachine.AcceptsQuestions(SessionState.Draft));
        Assert.False(SessionStateMachine.AcceptsQuestions(SessionState.Ended));
    }
}
