using Microsoft.AspNetCore.Identity;

namespace InquiryLive.Accounts;

/// <summary>A staff or member account. Viewers have no account: they are an anonymous viewer id.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
