using Microsoft.AspNetCore.Identity;

namespace InquiryLive.Accounts;

/// <summary>
/// In Production no default account exists. The first admin comes from configuration
/// (Bootstrap:AdminUserName / Bootstrap:AdminPassword, e.g. environment variables or
/// <c>--Bootstrap:AdminPassword=...</c> on the command line); it is created once, if missing.
/// </summary>
public sealed class BootstrapAdmin(UserManager<AppUser> users, IConfiguration configuration, ILogger<BootstrapAdmin> logger)
{
    public async Task EnsureAsync(CancellationToken ct)
    {
        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return;
        if (await users.FindByNameAsync(userName) is not null) return;

        var user = new AppUser { UserName = userName, DisplayName = userName };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap admin could not be created: " +
                string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        logger.LogInformation("Bootstrap admin {UserName} created", userName);
    }
}
