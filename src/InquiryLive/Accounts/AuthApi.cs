using System.ComponentModel.DataAnnotations;
using InquiryLive.Hosting;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace InquiryLive.Accounts;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record Me(bool Authenticated, string? UserName, string? DisplayName, string[] Roles, string? ViewerId);

/// <summary>Staff and member sign-in with a cookie: login, logout, and who am I.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Accounts");
        group.MapPost("/login", Login).RequireAuthorization(Policies.Public).RequireRateLimiting(RateLimits.Login);
        group.MapPost("/logout", Logout).RequireAuthorization(Policies.SignedIn);
        group.MapGet("/me", GetMe).RequireAuthorization(Policies.Public);
        return group;
    }

    private static async Task<Results<Ok<Me>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var errors = new InputErrors(http)
            .Require(!string.IsNullOrWhiteSpace(request.UserName), "userName", "请输入用户名。", "Enter your user name.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "请输入密码。", "Enter your password.");
        if (errors.Any) return errors.ToProblem();

        var english = http.PrefersEnglish();
        var user = await users.FindByNameAsync(request.UserName!.Trim());
        if (user is null)
        {
            return TypedResults.Problem(statusCode: 401, detail: english ? "Wrong user name or password." : "用户名或密码错误。");
        }
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(statusCode: 423,
                detail: english ? "Too many failed attempts: this account is locked for a few minutes." : "密码错误次数过多，账号已被临时锁定，请几分钟后再试。");
        }
        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: 401, detail: english ? "Wrong user name or password." : "用户名或密码错误。");
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new Me(true, user.UserName, user.DisplayName, [.. roles], http.User.ViewerId()));
    }

    private static async Task<NoContent> Logout(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Me>> GetMe(HttpContext http, UserManager<AppUser> users)
    {
        var userName = http.User.UserName();
        if (userName is null) return TypedResults.Ok(new Me(false, null, null, [], http.User.ViewerId()));
        var user = await users.FindByNameAsync(userName);
        var roles = Roles.All.Where(http.User.IsInRole).ToArray();
        return TypedResults.Ok(new Me(true, userName, user?.DisplayName, roles, http.User.ViewerId()));
    }
}
