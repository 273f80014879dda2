using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;

namespace InquiryLive.Accounts;

/// <summary>
/// Public viewers are anonymous but each browser carries a signed, http-only cookie with a random
/// viewer id, issued on the first request. The id keys rate limits, likes, "me too" and "my questions".
/// </summary>
public static class ViewerIdentity
{
    public const string Scheme = "Viewer";
    public const string ClaimType = "viewer_id";

    public static IApplicationBuilder UseViewerIdentity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var result = await context.AuthenticateAsync(Scheme);
        var viewer = result.Succeeded ? result.Principal!.Identities.First() : null;
        if (viewer is null)
        {
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            viewer = new ClaimsIdentity([new Claim(ClaimType, id)], Scheme);
            await context.SignInAsync(Scheme, new ClaimsPrincipal(viewer), new AuthenticationProperties { IsPersistent = true });
        }
        // The staff identity (if any) stays the primary one; the viewer id rides along.
        context.User.AddIdentity(viewer.Clone());
        await next();
    });

    public static string? ViewerId(this ClaimsPrincipal user) => user.FindFirst(ClaimType)?.Value;

    /// <summary>True when signed in with an account (staff or member), not merely a viewer cookie.</summary>
    public static bool HasAccount(this ClaimsPrincipal user) => user.UserName() is not null;

    /// <summary>The signed-in account's user name, for audit fields ("decided by").</summary>
    public static string? UserName(this ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.AuthenticationType != Scheme && i.IsAuthenticated)?.Name;
}
