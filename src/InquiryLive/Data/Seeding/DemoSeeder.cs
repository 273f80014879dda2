using InquiryLive.Accounts;
using InquiryLive.Agenda;
using InquiryLive.Domain.Sessions;
using InquiryLive.Members;
using InquiryLive.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Data.Seeding;

/// <summary>
/// Fills an empty database with a realistic demo inquiry, open for questions, and the demo accounts
/// (admin, chair, clerk, moderator1, moderator2, member01…member35) so every role can be tried at once.
/// The password is Demo:Password from appsettings.Development.json.
/// </summary>
internal sealed class DemoSeeder(
    AppDbContext db, UserManager<AppUser> users, IConfiguration configuration, IHostEnvironment environment,
    TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const int MemberCount = 35;

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Sessions.AnyAsync(ct)) return;
        var password = configuration["Demo:Password"];
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Demo seeding skipped: Demo:Password is not set");
            return;
        }

        var staff = new (string UserName, string Name, string Role)[]
        {
            ("admin", "系统管理员", Roles.Admin), ("chair", "主持人 王建国", Roles.Chair), ("clerk", "工作人员 李敏", Roles.Clerk),
            ("moderator1", "审核员 张蕾", Roles.Moderator), ("moderator2", "审核员 陈晨", Roles.Moderator),
        };
        foreach (var (userName, name, role) in staff) await CreateUserAsync(userName, name, role, password);

        var session = DemoInquiry.Session(time.GetUtcNow());
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);

        var departments = session.Departments.OrderBy(d => d.Order).ToList();
        db.AgendaItems.AddRange(DemoInquiry.Agenda(session.Id, departments));
        var names = DemoInquiry.MemberNames(MemberCount);
        for (var i = 1; i <= MemberCount; i++)
        {
            var user = await CreateUserAsync($"member{i:00}", names[i - 1], Roles.Member, password);
            db.RosterMembers.Add(new RosterMember { SessionId = session.Id, UserId = user.Id, DisplayName = names[i - 1] });
        }
        await db.SaveChangesAsync(ct);

        if (environment.IsDevelopment())
        {
            logger.LogInformation(
                "Demo inquiry {Title} seeded. Demo accounts (password from Demo:Password): admin, chair, clerk, moderator1, moderator2, member01…member{Last:00}",
                session.Title, MemberCount);
        }
    }

    private async Task<AppUser> CreateUserAsync(string userName, string displayName, string role, string password)
    {
        var user = new AppUser { UserName = userName, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {userName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
        return user;
    }
}
