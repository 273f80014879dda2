using InquiryLive.Data;
using Microsoft.Extensions.Options;

namespace InquiryLive.Live;

/// <summary>
/// This app node within a cluster of nodes sharing one PostgreSQL database. On SQLite there is one
/// node and <see cref="Enabled"/> is false: events go out from memory as before.
/// </summary>
public sealed class LiveCluster(IOptions<DatabaseOptions> database, IConfiguration configuration)
{
    /// <summary>Events are relayed through the database (PostgreSQL LISTEN/NOTIFY) to every node.</summary>
    public bool Enabled { get; } = database.Value.Provider == DatabaseProvider.Postgres;

    /// <summary>Names this node in the NodePresence table: Node:Id, or the machine name and a random suffix.</summary>
    public string NodeId { get; } = configuration["Node:Id"] is { Length: > 0 } id
        ? id[..Math.Min(id.Length, 64)]
        : $"{Environment.MachineName[..Math.Min(Environment.MachineName.Length, 30)]}-{Guid.NewGuid():N}";

    /// <summary>
    /// The relay's LISTEN connection: Database:ListenConnectionString when set (LISTEN needs a direct
    /// session to PostgreSQL, not a transaction-pooling proxy), else the main connection string.
    /// </summary>
    public string ListenConnectionString => database.Value.ListenConnectionString is { Length: > 0 } listen
        ? listen
        : database.Value.ConnectionString;
}
