using InquiryLive.Hosting;
using Microsoft.Data.Sqlite;

namespace InquiryLive.Data.Copy;

/// <summary>
/// <c>InquiryLive copy-database --from "Data Source=data/inquirylive.db" --to "Host=…;Database=…;Username=…"</c>:
/// a one-shot command that runs instead of the server (see docs/deploy.md, moving from SQLite to PostgreSQL).
/// </summary>
public static class DatabaseCopyCommand
{
    public const string Name = "copy-database";

    public const int Copied = 0, Failed = 1, BadUsage = 2, Refused = 3;

    private const string Usage = """
        Usage: InquiryLive copy-database --from <SQLite connection string> --to <PostgreSQL connection string> [--keys <folder>]
          --from  the SQLite database, e.g. "Data Source=data/inquirylive.db" (relative paths are under the content root)
          --to    a new, empty PostgreSQL database, e.g. "Host=db.internal;Database=inquirylive;Username=inquirylive"
                  (the password may come from PGPASSWORD instead of the command line)
          --keys  the SQLite node's Data Protection key folder (default: data/keys under the content root)
        Exit codes: 0 copied, 1 failed (nothing committed), 2 bad usage, 3 refused (nothing written).
        """;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <param name="args">The arguments after the command's name.</param>
    /// <param name="output">Progress and the per-table row counts.</param>
    /// <param name="errors">Why the copy was refused or failed.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var contentRoot = ContentRoot.Find();
        if (!TryParse(args, out var options, out var problem))
        {
            await errors.WriteLineAsync(problem + Environment.NewLine + Usage);
            return BadUsage;
        }
        try
        {
            var request = new CopyRequest(
                SourceConnectionString(options["--from"], contentRoot),
                options["--to"],
                Path.GetFullPath(options.GetValueOrDefault("--keys") ?? Path.Combine("data", "keys"), contentRoot));
            await DatabaseCopy.RunAsync(request, output, CancellationToken.None);
            return Copied;
        }
        catch (CopyRefusedException refused)
        {
            await errors.WriteLineAsync("Refused: " + refused.Message);
            return Refused;
        }
        catch (Exception e)
        {
            // The PostgreSQL transaction was not committed, so the target holds no copied row.
            await errors.WriteLineAsync($"Copy failed, nothing committed: {e.Message}");
            if (e.GetBaseException() is var cause && cause != e) await errors.WriteLineAsync("  cause: " + cause.Message);
            return Failed;
        }
    }

    private static bool TryParse(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--from" or "--to" or "--keys") || i + 1 >= args.Length)
            {
                problem = $"Unexpected argument: {args[i]}";
                return false;
            }
            options[args[i]] = args[i + 1];
        }
        var given = options;
        var missing = new[] { "--from", "--to" }.Where(o => string.IsNullOrWhiteSpace(given.GetValueOrDefault(o))).ToList();
        problem = missing.Count > 0 ? "Missing: " + string.Join(", ", missing) : "";
        return missing.Count == 0;
    }

    /// <summary>
    /// The SQLite file must exist: opened with its default mode a mistyped path would silently
    /// create an empty database and copy nothing.
    /// </summary>
    private static string SourceConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(csb.DataSource) || csb.DataSource == ":memory:")
        {
            throw new CopyRefusedException("--from must name an SQLite database file.");
        }
        if (!csb.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            if (!File.Exists(csb.DataSource)) throw new CopyRefusedException($"No SQLite database at {csb.DataSource}.");
        }
        csb.Mode = SqliteOpenMode.ReadWrite;
        return csb.ToString();
    }
}
