using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InquiryLive.Data;

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = builder.Configuration.GetValue<DatabaseProvider?>($"{DatabaseOptions.Section}:Provider") ?? DatabaseProvider.Sqlite;
        // The options are built once (singleton), not for every request's context: building them
        // parsed the connection string and touched the data folder on each of 1,000 requests a second.
        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<AppDbContext, PostgresDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            builder.Services.AddDbContext<AppDbContext>((sp, options) =>
            {
                var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                options.UseSqlite(SqliteConnectionString(db.ConnectionString, builder.Environment.ContentRootPath));
                options.AddInterceptors(SqlitePragmas.Instance);
                // SQLite rebuilds a table to drop a column or add a foreign key, outside the migration's
                // transaction; EF warns about it on every fresh database. docs/deploy.md asks for a backup
                // before each upgrade instead, so the line is information, not a warning at every first start.
                options.ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)));
            }, optionsLifetime: ServiceLifetime.Singleton);
        }
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddScoped<Accounts.BootstrapAdmin>();
        builder.Services.AddScoped<Seeding.DemoSeeder>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>Relative SQLite paths are resolved against the content root, and the folder is created.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(csb.DataSource) ? csb.DataSource : Path.Combine(contentRoot, csb.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        csb.Pooling = true;
        return csb.ToString();
    }
}
