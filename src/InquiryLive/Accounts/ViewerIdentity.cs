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

    /// <remarks>
    /// Not an awaiting middleware: a hub connection passes through here for its whole life, and the
    /// state of an <c>await next()</c> would stay alive all that time (Hosting/HubConnectionPipeline.cs).
    /// Cookie authentication completes at once, so the pipeline goes on without an await.
    /// </remarks>
    public static IApplicationBuilder UseViewerIdentity(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var identified = IdentifyViewerAsync(context);
        return identified.IsCompletedSuccessfully ? next(context) : ThenAsync(identified, context, next);
    });

    private static async Task ThenAsync(Task identified, HttpContext context, RequestDelegate next)
    {
        await identified;
        await next(context);
    }

    private static async Task IdentifyViewerAsync(HttpContext context)
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
    }

    public static string? ViewerId(this ClaimsPrincipal user) => user.FindFirst(ClaimType)?.Value;

    /// <summary>True when signed in with an account (staff or member), not merely a viewer cookie.</summary>
    public static bool HasAccount(this ClaimsPrincipal user) => user.UserName() is not null;

    /// <summary>The signed-in account's user name, for audit fields ("decided by").</summary>
    public static string? UserName(this ClaimsPrincipal user) =>
        user.Identities.FirstOrDefault(i => i.AuthenticationType != Scheme && i.IsAuthenticated)?.Name;
}
