using InquiryLive.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace InquiryLive.Accounts;

public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "il_staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.LoginPath = "/login.html";
                // An API answers 401/403; only page navigations would be redirected, and pages are static.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
                o.Events.OnValidatePrincipal = SecurityStampCheck.ValidateAsync;
            })
            .AddCookie(ViewerIdentity.Scheme, o =>
            {
                o.Cookie.Name = "il_viewer";
                o.Cookie.HttpOnly = true;
                // Lax: the viewer arrives from a QR code or a shared link and must keep their id.
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromDays(365);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            });

        // Cookies survive a restart: the signing keys live beside the database. On PostgreSQL they
        // live in the database itself, so a cookie issued by one node is read by every other node.
        var dataProtection = services.AddDataProtection().SetApplicationName("InquiryLive");
        if (builder.Configuration.GetValue<DatabaseProvider?>($"{DatabaseOptions.Section}:Provider") == DatabaseProvider.Postgres)
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(builder.Environment.ContentRootPath, "data", "keys")));
        }

        services.AddAuthorizationBuilder()
            // An endpoint that names no policy is closed to everyone but signed-in users.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAssertion(c => c.User.HasAccount()).Build())
            .AddPolicy(Policies.Public, p => p.RequireAssertion(c => c.User.ViewerId() is not null || c.User.HasAccount()))
            .AddPolicy(Policies.SignedIn, p => p.RequireAssertion(c => c.User.HasAccount()))
            // Policies read HttpContext.User: the staff identity plus the viewer identity added by
            // ViewerIdentity, so no policy names a scheme of its own.
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Moderator, Roles.Chair, Roles.Clerk))
            .AddPolicy(Policies.Moderation, p => p.RequireRole(Roles.Admin, Roles.Moderator))
            .AddPolicy(Policies.ChairOnly, p => p.RequireRole(Roles.Admin, Roles.Chair))
            .AddPolicy(Policies.ClerkWork, p => p.RequireRole(Roles.Admin, Roles.Clerk))
            .AddPolicy(Policies.AdminOnly, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.MemberVoting, p => p.RequireRole(Roles.Member));

        return builder;
    }
}
