using InquiryLive.Accounts;
using InquiryLive.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InquiryLive.Data;

/// <summary>
/// Before the server takes requests: apply migrations, make sure the roles exist, create the
/// bootstrap admin if configured, and seed the demo inquiry into an empty database when asked.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services, IOptions<DatabaseOptions> options, IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        await sp.GetRequiredService<BootstrapAdmin>().EnsureAsync(cancellationToken);

        var seedDemo = options.Value.SeedDemo || environment.IsDevelopment();
        if (seedDemo)
        {
            await sp.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(cancellationToken);
        }
        logger.LogInformation("Database ready ({Provider})", options.Value.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
