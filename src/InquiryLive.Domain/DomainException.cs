namespace InquiryLive.Domain;

/// <summary>
/// A command broke a rule of the inquiry (an illegal transition, a closed vote, a decided question).
/// <see cref="Code"/> is a stable machine-readable key; the message comes in Chinese (the default)
/// and English, and the API answers in the caller's language with <see cref="Status"/> (400/404/409).
/// </summary>
public sealed class DomainException(string code, string messageZh, string messageEn, int status = 409) : Exception(messageEn)
{
    public string Code { get; } = code;
    public string MessageZh { get; } = messageZh;
    public int Status { get; } = status;

    public string MessageIn(bool english) => english ? Message : MessageZh;
}
