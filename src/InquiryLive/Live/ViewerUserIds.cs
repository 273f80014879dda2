using InquiryLive.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace InquiryLive.Live;

/// <summary>
/// A hub connection's user is the viewer id of its browser's viewer cookie, so a private note to
/// one viewer ("your question was approved") goes to <c>Clients.User(viewerId)</c>, on every tab
/// of that phone. A SignalR group per viewer did the same, but cost a dictionary per connection
/// and made every disconnect scan all groups (19,000 of them with 19,000 viewers).
/// </summary>
public sealed class ViewerUserIds : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.ViewerId();
}
