using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Data;

/// <summary>The same model on PostgreSQL, with its own migrations (Data/Migrations/Postgres).</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options);
