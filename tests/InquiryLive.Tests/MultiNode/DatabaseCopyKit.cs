using System.Diagnostics;
using InquiryLive.Hosting;
using InquiryLive.Tests.Infrastructure;
using Npgsql;

namespace InquiryLive.Tests.MultiNode;

public sealed record CommandResult(int ExitCode, string Output, string Errors);

/// <summary>Running <c>copy-database</c> as an operator does, and looking at the databases around it.</summary>
internal static class DatabaseCopyKit
{
    /// <summary>An app on SQLite (the demo seeded) even on the PostgreSQL pass, where InquiryApp would pick PostgreSQL.</summary>
    public static InquiryApp SqliteApp(string path) => new(new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={path}",
    });

    /// <summary>The real command: <c>dotnet InquiryLive.dll copy-database --from … --to …</c>, through Program.cs.</summary>
    public static async Task<CommandResult> CopyDatabase(string sqlitePath, string postgres)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "InquiryLive.dll"), "copy-database", "--from", $"Data Source={sqlitePath}", "--to", postgres];
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // The SQLite test apps keep their Data Protection keys in data/keys under this content root.
        info.Environment["INQUIRYLIVE_CONTENT_ROOT"] = ContentRoot.Find();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await output, await errors);
    }

    /// <summary>Rows per table, counted with plain SQL (not with the command's own code).</summary>
    public static async Task<SortedDictionary<string, long>> RowCounts(System.Data.Common.DbConnection connection, IEnumerable<string> tables)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await connection.OpenAsync();
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
        return counts;
    }

    /// <summary>
    /// The whole content of a PostgreSQL database, table by table (the migrations history and the
    /// sequences included), as one digest per table: any row written, changed or removed shows.
    /// </summary>
    public static async Task<SortedDictionary<string, string>> Fingerprint(string postgres)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        var names = new List<(string Name, string Kind)>();
        await using (var list = new NpgsqlCommand(
            "SELECT c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) names.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, kind) in names)
        {
            var sql = kind == "S"
                ? $"SELECT last_value::text || ':' || is_called::text FROM \"{name}\""
                : $"SELECT COUNT(*)::text || ':' || COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{name}\" t";
            await using var command = new NpgsqlCommand(sql, connection);
            digests[name] = (string)(await command.ExecuteScalarAsync())!;
        }
        return digests;
    }
}
