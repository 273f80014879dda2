using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InquiryLive.Data.Copy;

/// <summary>What to copy: an SQLite database (already resolved to a full path) into a PostgreSQL one.</summary>
public sealed record CopyRequest(string SqliteConnectionString, string PostgresConnectionString, string? KeysFolder);

/// <summary>The copy was not started because its preconditions do not hold; nothing was written.</summary>
public sealed class CopyRefusedException(string message) : Exception(message);

/// <summary>
/// Moves a whole InquiryLive database from SQLite to PostgreSQL: every table of the model with its
/// keys, sequence numbers and timestamps, in one PostgreSQL transaction that commits only when each
/// table holds as many rows as its source.
/// </summary>
public static class DatabaseCopy
{
    private const string UseANewDatabase = "Point --to at a new, empty PostgreSQL database. Nothing was written.";

    public static async Task RunAsync(CopyRequest request, TextWriter output, CancellationToken ct)
    {
        await using var source = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(request.SqliteConnectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options);
        await using var target = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql(request.PostgresConnectionString).Options);
        target.ChangeTracker.AutoDetectChangesEnabled = false;

        await EnsureSourceIsCurrentAsync(source, ct);
        // Checked before the migrations run: migrating a database that is in use would already change it.
        await EnsureTargetIsNewAsync(target, ct);
        output.WriteLine("Applying the PostgreSQL migrations to the target …");
        await target.Database.MigrateAsync(ct);
        var tables = ModelTables.InDependencyOrder(target.Model);
        await EnsureTargetIsEmptyAsync(target, tables, ct);

        // One read transaction on SQLite: every table is read from the same snapshot (WAL), even
        // if something still writes to the file.
        var connection = (SqliteConnection)source.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var snapshot = connection.BeginTransaction(deferred: true);
        await source.Database.UseTransactionAsync(snapshot, ct);
        await using var transaction = await target.Database.BeginTransactionAsync(ct);

        output.WriteLine($"Copying {tables.Count} tables:");
        var expected = new Dictionary<IEntityType, int>();
        foreach (var table in tables)
        {
            expected[table] = await ModelTables.CountAsync(source, table, ct);
            var copied = await TableCopier.CopyAsync(source, target, table, ct);
            output.WriteLine($"  {table.GetTableName(),-24} {copied,9:N0} rows");
        }

        var resets = await IdentitySequences.ResetAsync(target, tables, ct);
        output.WriteLine($"  {resets.Count} identity sequences moved past the copied ids: " +
            string.Join(", ", resets.Where(r => r.NextValue > 1).Select(r => $"{r.Table}.{r.Column} next {r.NextValue:N0}")));

        var keys = await KeyFileImport.ImportAsync(target, request.KeysFolder, ct);
        var keyTable = tables.Single(t => t.ClrType == typeof(DataProtectionKey));
        expected[keyTable] += keys;
        output.WriteLine(request.KeysFolder is not null && Directory.Exists(request.KeysFolder)
            ? $"  {keys} Data Protection key file(s) from {request.KeysFolder} added to {keyTable.GetTableName()}"
            : $"  no Data Protection key folder{(request.KeysFolder is null ? "" : $" at {request.KeysFolder}")}: cookies issued on SQLite will not be accepted");

        await VerifyAsync(target, expected, ct);
        await transaction.CommitAsync(ct);
        output.WriteLine($"Done: {expected.Values.Sum():N0} rows in {tables.Count} tables, counts verified, committed.");
    }

    private static async Task EnsureSourceIsCurrentAsync(AppDbContext source, CancellationToken ct)
    {
        if (!(await source.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            throw new CopyRefusedException("The source is not an InquiryLive database (it has no applied migrations).");
        }
        var pending = (await source.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new CopyRefusedException(
                $"The source database is older than this build (pending: {string.Join(", ", pending)}). " +
                "Start this version of the app on it once, so it applies its migrations, stop it, then copy.");
        }
    }

    /// <summary>
    /// The target must be a new database: no tables at all, or this version's InquiryLive schema (an
    /// app started on it once) whose rows <see cref="EnsureTargetIsEmptyAsync"/> then counts. Anything
    /// else (an older InquiryLive, another application's tables) is refused before a thing is written.
    /// </summary>
    private static async Task EnsureTargetIsNewAsync(PostgresDbContext target, CancellationToken ct)
    {
        // A database that does not exist yet is as new as it gets: the migrations create it.
        if (!await target.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return;
        var applied = (await target.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0)
        {
            var tables = await target.Database
                .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()")
                .SingleAsync(ct);
            if (tables > 0)
            {
                throw new CopyRefusedException(
                    $"The target database is not empty: it holds {tables} table(s) that are not an InquiryLive database. {UseANewDatabase}");
            }
            return;
        }
        var pending = (await target.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new CopyRefusedException(
                $"The target database is not empty: it holds an InquiryLive database of an older version (last migration {applied[^1]}). " +
                $"The copy never merges into a database that is in use. {UseANewDatabase}");
        }
    }

    /// <summary>The copy never merges: a target holding any row at all (an inquiry, an account, a role) is refused.</summary>
    private static async Task EnsureTargetIsEmptyAsync(DbContext target, IReadOnlyList<IEntityType> tables, CancellationToken ct)
    {
        var occupied = new List<string>();
        foreach (var table in tables)
        {
            var count = await ModelTables.CountAsync(target, table, ct);
            if (count > 0) occupied.Add($"{table.GetTableName()}: {count:N0}");
        }
        if (occupied.Count > 0)
        {
            throw new CopyRefusedException(
                $"The target database is not empty ({string.Join(", ", occupied)}). The copy never merges into a database " +
                $"that is in use. {UseANewDatabase}");
        }
    }

    private static async Task VerifyAsync(DbContext target, Dictionary<IEntityType, int> expected, CancellationToken ct)
    {
        var mismatches = new List<string>();
        foreach (var (table, count) in expected)
        {
            var actual = await ModelTables.CountAsync(target, table, ct);
            if (actual != count) mismatches.Add($"{table.GetTableName()}: {actual:N0} in the target, {count:N0} expected");
        }
        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException($"Row counts differ, nothing committed: {string.Join("; ", mismatches)}.");
        }
    }
}
