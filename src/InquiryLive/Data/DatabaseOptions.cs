using System.ComponentModel.DataAnnotations;

namespace InquiryLive.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a file path relative to the content root is fine: "Data Source=data/inquirylive.db".</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/inquirylive.db";

    /// <summary>
    /// PostgreSQL only, optional: the connection the event relay LISTENs on, when the main connection
    /// string goes through a transaction-pooling proxy (LISTEN needs a direct session).
    /// </summary>
    public string? ListenConnectionString { get; set; }

    /// <summary>Seed the demo inquiry when the database is empty (on by default in Development).</summary>
    public bool SeedDemo { get; set; }
}
