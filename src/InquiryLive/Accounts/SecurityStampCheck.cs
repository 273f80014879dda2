using InquiryLive.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InquiryLive.Accounts;

/// <summary>
/// Every request and hub connection made with an account cookie checks the account's security
/// stamp against the database: when it changed (a member's link revoked or reissued), the cookie
/// is refused at once and removed, instead of working until it expires. One indexed read per staff
/// or member request; anonymous viewers carry no account cookie and never pay it.
/// </summary>
public static class SecurityStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        var current = userId is null ? null : await services.GetRequiredService<AppDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (stamp is not null && current == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
