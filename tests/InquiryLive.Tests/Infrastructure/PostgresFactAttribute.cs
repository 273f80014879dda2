namespace InquiryLive.Tests.Infrastructure;

/// <summary>
/// A test that needs PostgreSQL (several app nodes sharing one database). Skipped, with the reason
/// shown, unless INQUIRYLIVE_TEST_POSTGRES holds a server connection string
/// (e.g. <c>INQUIRYLIVE_TEST_POSTGRES="$(scripts/start-postgres.sh)"</c>).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(SharedPostgresDatabase.Server))
        {
            Skip = "Needs PostgreSQL: set INQUIRYLIVE_TEST_POSTGRES to a server connection string (scripts/start-postgres.sh prints one).";
        }
    }
}

/// <summary>One PostgreSQL database for several app nodes of a test; dropped at dispose, after the nodes.</summary>
public sealed class SharedPostgresDatabase : IDisposable
{
    public static string? Server => Environment.GetEnvironmentVariable("INQUIRYLIVE_TEST_POSTGRES");

    public string Name { get; } = "il_nodes_" + Guid.NewGuid().ToString("N");

    /// <summary>A node on this database (the first one to start applies the migrations and seeds the demo).</summary>
    public InquiryApp Node(Dictionary<string, string?>? settings = null) => new(settings, postgresDatabase: Name);

    public void Dispose() => InquiryApp.DropPostgresDatabase(Server!, Name);
}
