using System.Net;
using System.Net.Http.Json;
using InquiryLive.Data;
using InquiryLive.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InquiryLive.Tests.Infrastructure;

/// <summary>
/// The real app in memory, on its own fresh SQLite file with the demo inquiry seeded. Each test
/// creates its own (no test depends on another's data) and disposes it.
/// </summary>
public sealed class InquiryApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-1";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inquirylive-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="postgresDatabase">
    /// On PostgreSQL, join this existing database (another node's) instead of creating one; the
    /// database is then not dropped at dispose (see <see cref="SharedPostgresDatabase"/>).
    /// </param>
    public InquiryApp(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? postgresDatabase = null)
    {
        Directory.CreateDirectory(_folder);
        // INQUIRYLIVE_TEST_POSTGRES="Host=…;Username=…" runs the same tests on PostgreSQL, each test
        // on a database of its own (created by the migrations, dropped at dispose).
        var postgres = Environment.GetEnvironmentVariable("INQUIRYLIVE_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(postgres))
        {
            _postgresDatabase = postgresDatabase ?? "il_test_" + Guid.NewGuid().ToString("N");
            _ownsPostgresDatabase = postgresDatabase is null;
            _postgresServer = postgres;
        }
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = _postgresDatabase is null ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = _postgresDatabase is null
                ? $"Data Source={Path.Combine(_folder, "test.db")}"
                : $"{_postgresServer};Database={_postgresDatabase}",
            ["Database:SeedDemo"] = "true",
            ["Demo:Password"] = Password,
        };
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
        _services = services;
    }

    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;
    private readonly bool _ownsPostgresDatabase;
    private bool _onKestrel;

    public string DatabasePath => Path.Combine(_folder, "test.db");

    /// <summary>True when this run uses PostgreSQL (INQUIRYLIVE_TEST_POSTGRES is set).</summary>
    public bool OnPostgres => _postgresDatabase is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(ContentRoot.Find());
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureServices(s =>
        {
            // Demo accounts are hashed with fewer rounds here: forty accounts per test app add up.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            _services?.Invoke(s);
        });
    }

    /// <summary>
    /// <see cref="WebApplicationFactory{TEntryPoint}.UseKestrel()"/> registers Kestrel again after the
    /// app's own setup, memory pool factory included; the app's socket buffers are put back on top, as
    /// in the app itself (the app's registration order is checked by TrimmingBlockMemoryPoolTests).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (_onKestrel) builder.ConfigureServices(s => s.UseTrimmingSocketBuffers());
        return base.CreateHost(builder);
    }

    /// <summary>
    /// Serves the app over real Kestrel on a free loopback port (for a real browser) and returns its
    /// base address, e.g. http://127.0.0.1:41234. Use <see cref="Browser"/> etc. as usual afterwards.
    /// </summary>
    public string StartOnKestrel()
    {
        UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        _onKestrel = true;
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        var address = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        ClientOptions.BaseAddress = new Uri(address);
        return address;
    }

    /// <summary>An HTTP client that keeps cookies, like a browser.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>A browser signed in as one of the demo accounts (admin, chair, moderator1, member07…).</summary>
    public async Task<HttpClient> SignedIn(string userName)
    {
        var client = Browser();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    public async Task<Guid> DemoSessionId()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Sessions.Select(s => s.Id).SingleAsync();
    }

    /// <summary>Direct database access for arranging and checking state.</summary>
    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A real SignalR client over an in-memory WebSocket, carrying the given browser's cookies.</summary>
    public async Task<HubClient> ConnectHub(string path, HttpClient? browser = null) =>
        await HubClient.ConnectAsync(Server, path, browser is null ? null : await CookieHeader(browser));

    /// <summary>A real SignalR client over a real WebSocket to an app started with <see cref="StartOnKestrel"/>.</summary>
    public static async Task<HubClient> ConnectHubOverNetwork(string baseAddress, string path, string? cookie = null)
    {
        var factory = new WebSocketConnectionFactory(async (uri, ct) =>
        {
            var socket = new System.Net.WebSockets.ClientWebSocket();
            if (cookie is not null) socket.Options.SetRequestHeader("Cookie", cookie);
            await socket.ConnectAsync(uri, ct);
            return socket;
        });
        var client = HubClient.Build(factory, baseAddress.Replace("http", "ws", StringComparison.Ordinal) + path);
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>The Cookie header the browser client sends (its handler adds it to each request).</summary>
    public static async Task<string?> CookieHeader(HttpClient browser)
    {
        using var response = await browser.GetAsync("/api/auth/me");
        return response.RequestMessage?.Headers.TryGetValues("Cookie", out var values) == true ? string.Join("; ", values) : null;
    }

    private void DropPostgresDatabase() => DropPostgresDatabase(_postgresServer!, _postgresDatabase!);

    internal static void DropPostgresDatabase(string server, string database)
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null && _ownsPostgresDatabase) DropPostgresDatabase();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
