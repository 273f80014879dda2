namespace InquiryLive.Tests.Infrastructure;

public static class ExceptionText
{
    /// <summary>The messages of an exception and all its inner ones, for asserting on why start-up failed.</summary>
    public static string AllMessages(this Exception e) => e.InnerException is null ? e.Message : e.Message + " " + e.InnerException.AllMessages();
}
