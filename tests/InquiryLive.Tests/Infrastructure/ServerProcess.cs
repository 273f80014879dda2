using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InquiryLive.Hosting;

namespace InquiryLive.Tests.Infrastructure;

/// <summary>
/// The real server as its own OS process (the InquiryLive.dll built beside the tests) on a temp
/// SQLite database, so a test can kill it with SIGKILL and start it again on the same data.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inquirylive-process", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    public ServerProcess(Dictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        _environment = new Dictionary<string, string>
        {
            ["INQUIRYLIVE_CONTENT_ROOT"] = ContentRoot.Find(),
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "server.db")}",
            ["Database__SeedDemo"] = "true",
            ["Demo__Password"] = InquiryApp.Password,
        };
        foreach (var (k, v) in settings ?? []) _environment[k] = v;
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public string DatabasePath => Path.Combine(_folder, "server.db");

    public async Task StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "InquiryLive.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        // As on a fresh machine: the in-process test apps set this variable in the test process itself.
        info.Environment.Remove(SharedArrayPoolLimit.Variable);
        foreach (var (k, v) in _environment) info.Environment[k] = v;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // About 8 s on an idle 2-core box (migrations, 40 demo accounts hashed); the whole suite runs
        // beside the browser tests' Chromium and Kestrel instances, and starts took over 60 s there.
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with {_process.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync("healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The server did not answer /healthz within 150 s.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was acknowledged must already be on disk.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>A client with its own cookies (its own viewer id).</summary>
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
