using InquiryLive.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

Console.WriteLine("Design-time host for dotnet-ef; see docs/development.md.");

/// <summary>Builds the context for dotnet-ef with the provider named by INQUIRYLIVE_EF_PROVIDER (Sqlite default).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (Environment.GetEnvironmentVariable("INQUIRYLIVE_EF_PROVIDER") == "Postgres")
        {
            options.UseNpgsql("Host=localhost;Database=design");
        }
        else
        {
            options.UseSqlite("Data Source=design.db");
        }
        return new AppDbContext(options.Options);
    }
}
